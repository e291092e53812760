import { createElement } from "react";
import { getDb } from "@/db/client";
import { installApp } from "@/lib/apps/install-app";
import { principalFromRequest } from "@/lib/auth/request-session";
import { constantTimeEqual } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { localeOfRequest, renderMessage } from "@/lib/i18n/translator";
import { readBodyTextOrNull } from "@/lib/http/body-limit";
import { toResponse } from "@/lib/oauth/error-response";
import { getClient, lockClient } from "@/lib/apps/clients";
import { decideConsent, isStale, type ConsentOutcome } from "./consent-outcome";
import { consentCsrfToken, consumeConsentRequest, getPendingConsentRequest } from "./consent-requests";
import { pageResponse } from "./consent-screen/render";
import { SessionEndedScreen } from "./consent-screen/dead-ends";
import { readDecisionFields } from "./decision-fields";
import { grantPersonalConsent } from "./grant-personal-consent";
import { errorPage, redirect } from "./html";
import { errorRedirect, issueCodeRedirect } from "./issue-code-redirect";
import { validateGrantedScopes } from "./consent-scopes";
import { signInAndContinueUrl } from "./resume-request";

/** The consent form: a request id, a CSRF token, a decision and the scope items; read no further. */
const MAX_FORM = 16 * 1024;

/**
 * POST /oauth2/decision: the consent form's Grant or Cancel. The server re-checks everything the
 * page showed: the session and CSRF token bound to this request, administrator rights, and that
 * the scope neither drops a required item nor adds one the app did not declare or request (for a
 * personal consent: one the installation did not grant). A repeated field is refused.
 */
export async function consentDecisionEndpoint(request: Request): Promise<Response> {
  return decide(request).catch((error: unknown) => toResponse(error, "page"));
}

async function decide(request: Request): Promise<Response> {
  if (request.method !== "POST") return errorPage(405, "invalid_request", "Use the consent form.");
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    return errorPage(400, "invalid_request", "Use the consent form.");
  }
  const body = await readBodyTextOrNull(request, MAX_FORM);
  if (body === null) return errorPage(413, "invalid_request", "The form is too large.");
  const read = readDecisionFields(body);
  if (!read.ok) return errorPage(400, "invalid_request", read.message);
  const { requestId, decision, csrf, scopes: submitted } = read.fields;

  const principal = await principalFromRequest(request);
  const db = await getDb();
  if (!principal) return sessionEnded(await signInAndContinueUrl(db, requestId));
  const pending = await getPendingConsentRequest(db, requestId, principal.sessionId);
  if (!pending)
    return errorPage(
      409,
      "invalid_request",
      "This authorization request was already answered or has expired. Start again from the application.",
    );
  if (!constantTimeEqual(csrf, consentCsrfToken(principal.sessionId, pending.id))) {
    return errorPage(403, "invalid_request", "The form could not be verified. Start again from the application.");
  }
  // Read fresh: an application deleted or changed since the page was shown is refused, never redirected to.
  const before = await decideConsent(db, { client: await getClient(pending.request.clientId), principal, pending });
  if (isStale(before)) return errorPage(before.status, before.error, before.description);

  if (decision === "cancel") {
    const used = await db.transaction((tx) => consumeConsentRequest(tx, pending.id, principal.sessionId));
    if (!used) return errorPage(409, "invalid_request", "This authorization request was already answered.");
    return redirect(errorRedirect(pending.request, "access_denied", whyNotGranted(before)), 303);
  }
  if (decision !== "grant") return errorPage(400, "invalid_request", "Choose Grant or Cancel.");

  try {
    const outcome = await db.transaction(async (tx) => {
      // The application as committed now, row-locked until the grant commits: a redirect URI, the
      // third-party flag or a scope removed since the page was shown is honoured here, and a
      // concurrent Delete of the application waits, or has already removed it.
      const current = await lockClient(tx, pending.request.clientId);
      const now = await decideConsent(tx, { client: current, principal, pending });
      if (now.kind === "refuse") return errorPage(now.status, now.error, now.description);
      if (now.kind === "ask-admin") {
        return errorPage(
          403,
          "access_denied",
          "Only the Alibaba Cloud account or a RAM administrator can authorize this application.",
        );
      }
      if (!current || (now.kind !== "install-consent" && now.kind !== "personal-consent")) {
        return errorPage(
          409,
          "invalid_request",
          "This authorization request cannot be answered. Start again from the application.",
        );
      }
      if (now.kind === "install-consent") {
        const scopes = validateGrantedScopes(current, pending.request.scope, submitted);
        if (!scopes.ok) return errorPage(400, "invalid_scope", scopes.message);
        if (!(await consumeConsentRequest(tx, pending.id, principal.sessionId)))
          throw new AppError("conflict", "already answered");
        const { installation } = await installApp(tx, {
          actor: principal,
          applicationId: current.id,
          clientId: current.clientId,
          scopes: scopes.granted,
          source: "consent",
        });
        return issueCodeRedirect(tx, { applicationId: current.id, installation, principal, request: pending.request });
      }
      return grantPersonalConsent(tx, {
        client: current,
        outcome: now,
        principal,
        pendingId: pending.id,
        request: pending.request,
        submitted,
      });
    });
    return typeof outcome === "string" ? redirect(outcome, 303) : outcome;
  } catch (error) {
    if (error instanceof AppError) {
      const status =
        error.code === "conflict" ? 409 : error.code === "forbidden" ? 403 : error.code === "not_found" ? 404 : 400;
      // A domain refusal (e.g. requireAdmin's 403) carries a catalog message: rendered for the person.
      const domain = error.ref ? renderMessage(error.ref, localeOfRequest(request)) : error.message;
      const message = error.code === "conflict" ? "This authorization request was already answered." : domain;
      return errorPage(status, error.code === "forbidden" ? "access_denied" : "invalid_request", message);
    }
    throw error;
  }
}

/** RFC 6749 §4.1.2.1: the error_description says why the application got nothing. */
function whyNotGranted(outcome: ConsentOutcome): string {
  if (outcome.kind === "ask-admin")
    return "The application is not installed in this account, and only the Alibaba Cloud account or a RAM administrator can install it.";
  if (outcome.kind === "refuse") return outcome.description;
  return "The person did not grant access.";
}

/** 401: the console session ended while the consent screen was open; sign in again and continue. */
function sessionEnded(signInUrl: string): Response {
  return pageResponse(createElement(SessionEndedScreen, { signInUrl }), 401);
}
