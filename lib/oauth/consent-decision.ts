import { getDb } from "@/db/client";
import { personalConsents } from "@/db/schema";
import { installApp } from "@/lib/apps/install-app";
import { recordAudit } from "@/lib/audit";
import { principalFromRequest } from "@/lib/auth/request-session";
import { constantTimeEqual } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { readBodyTextOrNull } from "@/lib/http/body-limit";
import { toResponse } from "@/lib/http/error-response";
import { isAdministrator } from "@/lib/ram/admin";
import { getClient, lockClient, type ClientRecord } from "./clients";
import { consentClientProblem } from "./consent-client";
import { consentCsrfToken, consumeConsentRequest, getPendingConsentRequest } from "./consent-requests";
import { errorPage, redirect } from "./html";
import { errorRedirect, issueCodeRedirect } from "./issue-code-redirect";
import { checkOfficialAccess } from "./official-access";
import { validateGrantedScopes } from "./consent-scopes";
import { getInstallation } from "./installation-lookup";

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
  if (!principal) return errorPage(401, "login_required", "Your console session has ended. Start again from the application.");
  const db = await getDb();
  const pending = await getPendingConsentRequest(db, requestId, principal.sessionId);
  if (!pending) return errorPage(409, "invalid_request", "This authorization request was already answered or has expired. Start again from the application.");
  if (!constantTimeEqual(form.get("csrf_token") ?? "", consentCsrfToken(principal.sessionId, pending.id))) {
    return errorPage(403, "invalid_request", "The form could not be verified. Start again from the application.");
  }
  const client = usable(await getClient(pending.request.clientId), pending);
  if (client instanceof Response) return client;

  if (decision === "cancel") {
    const used = await db.transaction((tx) => consumeConsentRequest(tx, pending.id, principal.sessionId));
    if (!used) return errorPage(409, "invalid_request", "This authorization request was already answered.");
    return redirect(errorRedirect(pending.request, "access_denied", "The person did not grant access."), 303);
  }
  if (decision !== "grant") return errorPage(400, "invalid_request", "Choose Grant or Cancel.");

  try {
    if (pending.kind === "install") {
      if (!(await isAdministrator(db, principal))) {
        return errorPage(403, "access_denied", "Only the Alibaba Cloud account or a RAM administrator can authorize this application.");
      }
      const outcome = await db.transaction(async (tx) => {
        // The application as committed now, row-locked until the grant commits: a redirect URI,
        // the third-party flag or a scope removed since the page was shown is honoured here.
        const current = usable(await lockClient(tx, pending.request.clientId), pending);
        if (current instanceof Response) return current;
        const scopes = validateGrantedScopes(current, pending.request.scope, form.getAll("scope"));
        if (!scopes.ok) return errorPage(400, "invalid_scope", scopes.message);
        if (!(await consumeConsentRequest(tx, pending.id, principal.sessionId))) throw new AppError("conflict", "already answered");
        const { installation } = await installApp(tx, { actor: principal, appId: current.id, clientId: current.clientId, scopes: scopes.granted, source: "consent" });
        return issueCodeRedirect(tx, { appId: current.id, installation, principal, request: pending.request });
      });
      return typeof outcome === "string" ? redirect(outcome, 303) : outcome;
    }
    // A personal consent to an official application.
    const outcome = await db.transaction(async (tx) => {
      // Row-locked as above: a concurrent Delete of the application waits, or has already removed it.
      const current = usable(await lockClient(tx, pending.request.clientId), pending);
      if (current instanceof Response) return current;
      const installation = await getInstallation(tx, principal.accountId, client.id);
      if (!installation) throw new AppError("not_found", "The application is no longer installed in this account.");
      if ((await checkOfficialAccess(tx, { installationId: installation.id, principal })) === "unassigned") {
        throw new AppError("forbidden", "You are not assigned to this application. Ask an administrator to assign you.");
      }
      if (!(await consumeConsentRequest(tx, pending.id, principal.sessionId))) throw new AppError("conflict", "already answered");
      await tx.insert(personalConsents).values({ installationId: installation.id, subject: principal.subject }).onConflictDoNothing();
      await recordAudit(tx, principal, { action: "ConsentApplication", targetType: "application", targetId: client.clientId });
      return issueCodeRedirect(tx, { appId: client.id, installation, principal, request: pending.request });
    });
    return typeof outcome === "string" ? redirect(outcome, 303) : outcome;
  } catch (error) {
    if (error instanceof AppError) {
      const status = error.code === "conflict" ? 409 : error.code === "forbidden" ? 403 : error.code === "not_found" ? 404 : 400;
      const message = error.code === "conflict" ? "This authorization request was already answered." : error.message;
      return errorPage(status, error.code === "forbidden" ? "access_denied" : "invalid_request", message);
    }
    throw error;
  }
}

/** The client, or the error page when the request can no longer be answered for it (never a redirect). */
function usable(client: ClientRecord | null, pending: { appId: string; request: { redirectUri: string } }): ClientRecord | Response {
  const problem = consentClientProblem(client, pending);
  return problem ? errorPage(problem.status, problem.error, problem.description) : client!;
}
