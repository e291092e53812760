import { getDb } from "@/db/client";
import { personalConsents } from "@/db/schema";
import { installApp } from "@/lib/apps/install-app";
import { recordAudit } from "@/lib/audit";
import { principalFromRequest } from "@/lib/auth/request-session";
import { constantTimeEqual } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { readBodyTextOrNull } from "@/lib/http/body-limit";
import { toResponse } from "@/lib/oauth/error-response";
import { getClient, lockClient } from "@/lib/apps/clients";
import { decideConsent, isStale } from "./consent-outcome";
import { consentCsrfToken, consumeConsentRequest, getPendingConsentRequest } from "./consent-requests";
import { errorPage, redirect } from "./html";
import { errorRedirect, issueCodeRedirect } from "./issue-code-redirect";
import { validateGrantedScopes } from "./consent-scopes";

/** The consent form: a request id, a CSRF token, a decision and the scope items; read no further. */
const MAX_FORM = 16 * 1024;

/**
 * POST /oauth2/decision: the consent form's Grant or Cancel. The server re-checks everything the
 * page showed: the session and CSRF token bound to this request, administrator rights, and that
 * the scope neither drops a required item nor adds one the app did not declare or request.
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
  const form = new URLSearchParams(body);
  const requestId = form.get("request_id") ?? "";
  const decision = form.get("decision");

  const principal = await principalFromRequest(request);
  if (!principal)
    return errorPage(401, "login_required", "Your console session has ended. Start again from the application.");
  const db = await getDb();
  const pending = await getPendingConsentRequest(db, requestId, principal.sessionId);
  if (!pending)
    return errorPage(
      409,
      "invalid_request",
      "This authorization request was already answered or has expired. Start again from the application.",
    );
  if (!constantTimeEqual(form.get("csrf_token") ?? "", consentCsrfToken(principal.sessionId, pending.id))) {
    return errorPage(403, "invalid_request", "The form could not be verified. Start again from the application.");
  }
  // Read fresh: an application deleted or changed since the page was shown is refused, never redirected to.
  const before = await decideConsent(db, { client: await getClient(pending.request.clientId), principal, pending });
  if (isStale(before)) return errorPage(before.status, before.error, before.description);

  if (decision === "cancel") {
    const used = await db.transaction((tx) => consumeConsentRequest(tx, pending.id, principal.sessionId));
    if (!used) return errorPage(409, "invalid_request", "This authorization request was already answered.");
    return redirect(errorRedirect(pending.request, "access_denied", "The person did not grant access."), 303);
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
          "This authorization request can not be answered. Start again from the application.",
        );
      }
      if (now.kind === "install-consent") {
        const scopes = validateGrantedScopes(current, pending.request.scope, form.getAll("scope"));
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
      // A personal consent to an official application.
      if (!(await consumeConsentRequest(tx, pending.id, principal.sessionId)))
        throw new AppError("conflict", "already answered");
      await tx
        .insert(personalConsents)
        .values({ installationId: now.installation.id, subject: principal.subject })
        .onConflictDoNothing();
      await recordAudit(tx, principal, {
        action: "ConsentApplication",
        targetType: "application",
        targetId: current.clientId,
      });
      return issueCodeRedirect(tx, {
        applicationId: current.id,
        installation: now.installation,
        principal,
        request: pending.request,
      });
    });
    return typeof outcome === "string" ? redirect(outcome, 303) : outcome;
  } catch (error) {
    if (error instanceof AppError) {
      const status =
        error.code === "conflict" ? 409 : error.code === "forbidden" ? 403 : error.code === "not_found" ? 404 : 400;
      const message = error.code === "conflict" ? "This authorization request was already answered." : error.message;
      return errorPage(status, error.code === "forbidden" ? "access_denied" : "invalid_request", message);
    }
    throw error;
  }
}
