import { getDb } from "@/db/client";
import { ensureOwnAppInstallation } from "@/lib/apps/install-app";
import { readBodyTextOrNull } from "@/lib/http/body-limit";
import { toResponse } from "@/lib/http/error-response";
import { principalFromRequest } from "@/lib/auth/request-session";
import { parseAuthorizationRequest } from "./authorize-request";
import { needsReauthentication, reauthenticationUrl } from "./check-authentication-age";
import { createConsentRequest, toStored } from "./consent-requests";
import { errorPage, redirect } from "./html";
import { errorRedirect, issueCodeRedirect } from "./issue-code-redirect";
import { getInstallation } from "./installation-lookup";
import { checkOfficialAccess } from "./official-access";

const MAX_QUERY = 8 * 1024;

/**
 * The authorization endpoint (RFC 6749 §3.1, OIDC Core §3.1.2): authorization code flow only.
 * Signed-out people go to sign-in and come back; an installed application gets its code at once;
 * otherwise the consent screen (administrators) or the "ask your administrator" page.
 */
export async function authorizeEndpoint(request: Request): Promise<Response> {
  return authorize(request).catch((error: unknown) => toResponse(error, "page"));
}

async function authorize(request: Request): Promise<Response> {
  const url = new URL(request.url);
  let params = url.searchParams;
  if (request.method === "POST") {
    const type = request.headers.get("content-type") ?? "";
    if (!type.startsWith("application/x-www-form-urlencoded")) return errorPage(400, "invalid_request", "Send the request as a form.");
    const body = await readBodyTextOrNull(request, MAX_QUERY);
    if (body === null) return errorPage(413, "invalid_request", "The request is too large.");
    params = new URLSearchParams(body);
  } else if (request.method !== "GET") {
    return errorPage(405, "invalid_request", "Use GET or POST.");
  }
  if (params.toString().length > MAX_QUERY) return errorPage(400, "invalid_request", "The request is too large.");

  const parsed = await parseAuthorizationRequest(params);
  if (parsed.kind === "page") return errorPage(400, parsed.error, parsed.description);
  if (parsed.kind === "redirect") return redirect(errorRedirect(parsed, parsed.error, parsed.description));
  const { client, request: req } = parsed;
  const stored = toStored(req);
  const deny = (error: string, description: string) => redirect(errorRedirect(stored, error, description));

  const principal = await principalFromRequest(request);
  if (!principal) {
    // OIDC Core §3.1.2.6: prompt=none must not show a page.
    if (req.prompt.has("none")) return deny("login_required", "The person is not signed in.");
    if (req.prompt.has("login") || req.maxAge !== undefined) return redirect(reauthenticationUrl(url.pathname, params));
    const back = `${url.pathname}?${params.toString()}`;
    return redirect(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  }
  // OIDC Core §3.1.2.1 / §3.1.2.3: prompt=login and max_age make the person sign in again.
  if (needsReauthentication(req, principal.authTime)) {
    if (req.prompt.has("none")) return deny("login_required", "A newer sign-in is required (max_age), and prompt=none forbids asking for it.");
    return redirect(reauthenticationUrl(url.pathname, params));
  }

  const db = await getDb();
  const ownApp = client.accountId === principal.accountId;
  if (!ownApp && !client.thirdParty) return deny("access_denied", "This application is not available to other accounts.");

  if (ownApp) {
    const location = await db.transaction(async (tx) => {
      const installation = await ensureOwnAppInstallation(tx, { accountId: principal.accountId, appId: client.id, scopes: client.scopes.map((s) => s.scope) });
      return issueCodeRedirect(tx, { appId: client.id, installation, principal, request: stored });
    });
    return redirect(location);
  }

  const installation = await getInstallation(db, principal.accountId, client.id);

  if (!installation) {
    if (req.prompt.has("none")) return deny("consent_required", "The application is not installed in this account.");
    const id = await createConsentRequest(db, { sessionId: principal.sessionId, appId: client.id, request: req, kind: "install" });
    return redirect(`/oauth2/consent/${id}`);
  }

  if (client.official) {
    // Official applications: only assigned people, each after a personal consent (the seed).
    const access = await checkOfficialAccess(db, { installationId: installation.id, principal });
    if (access !== "ok") {
      if (req.prompt.has("none")) {
        return access === "unassigned"
          ? deny("access_denied", "You are not assigned to this application.")
          : deny("consent_required", "The person has not authorized this application yet.");
      }
      const id = await createConsentRequest(db, { sessionId: principal.sessionId, appId: client.id, request: req, kind: "personal" });
      return redirect(`/oauth2/consent/${id}`);
    }
  }

  return redirect(await issueCodeRedirect(db, { appId: client.id, installation, principal, request: stored }));
}
