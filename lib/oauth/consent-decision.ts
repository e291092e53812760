import { createElement } from "react";
import { getDb } from "@/db/client";
import { installApp } from "@/lib/apps/install-app";
import { principalFromRequest } from "@/lib/auth/request-session";
import { constantTimeEqual } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { readBodyTextOrNull } from "@/lib/http/body-limit";
import { toResponse } from "@/lib/oauth/error-response";
import { getClient, lockClient } from "@/lib/apps/clients";
import { decideConsent, isStale, type ConsentOutcome } from "./consent-outcome";
import {
  consentCsrfToken,
  consentPagePath,
  consumeConsentRequest,
  getPendingConsentRequest,
  isConsentRequestId,
} from "./consent-requests";
import { pageResponse } from "./consent-screen/render";
import { SessionEndedScreen } from "./consent-screen/dead-ends";
import { pageLocaleOf, protocolUi, type PageLocale } from "./consent-screen/page-language";
import { pageMessage, type PageText } from "./page-text";
import { renderMessage } from "@/lib/i18n/translator";
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
  // Until the form is read: the cookie, then Accept-Language; `decide` moves it to the form's page
  // (the object is shared, so that an unexpected error's page speaks that language too).
  const page: PageLocale = pageLocaleOf(request, { here: "/" });
  return decide(request, page).catch((error: unknown) => toResponse(error, "page", page));
}

async function decide(request: Request, page: PageLocale): Promise<Response> {
  const fail = (status: number, error: string, description: PageText) =>
    errorPage(status, error, description, {}, page);
  if (request.method !== "POST") return fail(405, "invalid_request", pageMessage("useConsentForm"));
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    return fail(400, "invalid_request", pageMessage("useConsentForm"));
  }
  const body = await readBodyTextOrNull(request, MAX_FORM);
  if (body === null) return fail(413, "invalid_request", pageMessage("formTooLarge"));
  const read = readDecisionFields(body);
  if (!read.ok) return fail(400, "invalid_request", read.message);
  const { requestId, decision, csrf, scopes: submitted, lang } = read.fields;

  const principal = await principalFromRequest(request);
  const db = await getDb();
  // From here on the pages speak the language of the consent page the form was sent from (its
  // `lang`; else the request's ui_locales, below), and their switch comes back to that page.
  Object.assign(
    page,
    pageLocaleOf(request, { lang, here: isConsentRequestId(requestId) ? consentPagePath(requestId) : "/" }),
  );
  if (!principal) return sessionEnded(await signInAndContinueUrl(db, requestId), page);
  const pending = await getPendingConsentRequest(db, requestId, principal.sessionId);
  if (!pending) return fail(409, "invalid_request", pageMessage("answeredOrExpired"));
  Object.assign(page, pageLocaleOf(request, { lang, uiLocales: pending.request.uiLocales, here: page.here }));
  if (!constantTimeEqual(csrf, consentCsrfToken(principal.sessionId, pending.id))) {
    return fail(403, "invalid_request", pageMessage("formNotVerified"));
  }
  // Read fresh: an application deleted or changed since the page was shown is refused, never redirected to.
  const before = await decideConsent(db, { client: await getClient(pending.request.clientId), principal, pending });
  if (isStale(before)) return fail(before.status, before.error, before.message);

  if (decision === "cancel") {
    const used = await db.transaction((tx) => consumeConsentRequest(tx, pending.id, principal.sessionId));
    if (!used) return fail(409, "invalid_request", pageMessage("alreadyAnswered"));
    return redirect(errorRedirect(pending.request, "access_denied", whyNotGranted(before)), 303);
  }
  if (decision !== "grant") return fail(400, "invalid_request", pageMessage("chooseGrantOrCancel"));

  try {
    const outcome = await db.transaction(async (tx) => {
      // The application as committed now, row-locked until the grant commits: a redirect URI, the
      // third-party flag or a scope removed since the page was shown is honoured here, and a
      // concurrent Delete of the application waits, or has already removed it.
      const current = await lockClient(tx, pending.request.clientId);
      const now = await decideConsent(tx, { client: current, principal, pending });
      if (now.kind === "refuse") return fail(now.status, now.error, now.message);
      if (now.kind === "ask-admin") return fail(403, "access_denied", pageMessage("adminOnly"));
      if (!current || (now.kind !== "install-consent" && now.kind !== "personal-consent"))
        return fail(409, "invalid_request", pageMessage("cannotAnswer"));
      if (now.kind === "install-consent") {
        const scopes = validateGrantedScopes(current, pending.request.scope, submitted);
        if (!scopes.ok) return fail(400, "invalid_scope", scopes.message);
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
        page,
      });
    });
    return typeof outcome === "string" ? redirect(outcome, 303) : outcome;
  } catch (error) {
    if (error instanceof AppError) {
      const status =
        error.code === "conflict" ? 409 : error.code === "forbidden" ? 403 : error.code === "not_found" ? 404 : 400;
      // A domain refusal (e.g. requireAdmin's 403) carries a catalog message: rendered for the person.
      const message =
        error.code === "conflict"
          ? pageMessage("alreadyAnswered")
          : error.ref
            ? renderMessage(error.ref, page.locale)
            : error.message;
      return fail(status, error.code === "forbidden" ? "access_denied" : "invalid_request", message);
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
function sessionEnded(signInUrl: string, page: PageLocale): Response {
  return pageResponse(createElement(SessionEndedScreen, { ui: protocolUi(page), signInUrl }), 401);
}
