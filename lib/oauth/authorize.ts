import { getDb } from "@/db/client";
import { ensureOwnAppInstallation } from "@/lib/apps/install-app";
import { readBodyTextOrNull } from "@/lib/http/body-limit";
import { toResponse } from "@/lib/oauth/error-response";
import { principalFromRequest } from "@/lib/auth/request-session";
import { parseAuthorizationRequest } from "./authorize-request";
import { needsReauthentication, reauthenticationUrl } from "./check-authentication-age";
import { decideConsent } from "./consent-outcome";
import { consentPagePath, createConsentRequest, toStored } from "./consent-requests";
import { errorPage, redirect } from "./html";
import { isLocale } from "@/lib/i18n/locales";
import { LANG_PARAM, switchTarget } from "@/lib/i18n/switch-target";
import { pageLocaleOf, type PageLocale } from "./consent-screen/page-language";
import { pageMessage, type PageErrorKey } from "./page-text";
import { errorRedirect, issueCodeRedirect } from "./issue-code-redirect";

const MAX_QUERY = 8 * 1024;

/**
 * The authorization endpoint (RFC 6749 §3.1, OIDC Core §3.1.2): authorization code flow only.
 * Signed-out people go to sign-in and come back; an installed application gets its code at once;
 * otherwise the consent screen (administrators) or the "ask your administrator" page.
 */
export async function authorizeEndpoint(request: Request): Promise<Response> {
  // Until the parameters are read: the cookie, then Accept-Language (the object is shared, so
  // that an unexpected error's page speaks the request's language too).
  const page: PageLocale = pageLocaleOf(request, { here: "/" });
  return authorize(request, page).catch((error: unknown) => toResponse(error, "page", page));
}

async function authorize(request: Request, page: PageLocale): Promise<Response> {
  const url = new URL(request.url);
  const fail = (status: number, key: PageErrorKey) => errorPage(status, "invalid_request", pageMessage(key), {}, page);
  let params = url.searchParams;
  if (request.method === "POST") {
    const type = request.headers.get("content-type") ?? "";
    if (!type.startsWith("application/x-www-form-urlencoded")) return fail(400, "sendAsForm");
    const body = await readBodyTextOrNull(request, MAX_QUERY);
    if (body === null) return fail(413, "requestTooLarge");
    params = new URLSearchParams(body);
  } else if (request.method !== "GET") {
    return fail(405, "useGetOrPost");
  }
  if (params.toString().length > MAX_QUERY) return fail(400, "requestTooLarge");
  // The error pages speak the language of the switch (`lang`), then ui_locales (OIDC Core
  // §3.1.2.1), cookie, Accept-Language; their switch comes back to this request, as a GET.
  const query = new URLSearchParams(params);
  query.delete(LANG_PARAM);
  Object.assign(
    page,
    pageLocaleOf(request, {
      lang: params.get(LANG_PARAM),
      uiLocales: params.getAll("ui_locales").length === 1 ? params.get("ui_locales") : null,
      here: `${url.pathname}?${query}`,
    }),
  );

  const parsed = await parseAuthorizationRequest(params);
  if (parsed.kind === "page") return errorPage(400, parsed.error, parsed.description, {}, page);
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
    if (req.prompt.has("none"))
      return deny("login_required", "A newer sign-in is required (max_age), and prompt=none forbids asking for it.");
    return redirect(reauthenticationUrl(url.pathname, params));
  }

  const db = await getDb();
  const outcome = await decideConsent(db, { client, principal, requested: stored.scope });
  // A language chosen on the way here (the sign-in page's switch) goes on to the consent page, where it outranks ui_locales.
  const chosen = params.get(LANG_PARAM);
  const lang = isLocale(chosen) ? chosen : undefined;
  const consentPage = async (kind: "install" | "personal") => {
    const id = await createConsentRequest(db, {
      sessionId: principal.sessionId,
      applicationId: client.id,
      request: req,
      kind,
    });
    return redirect(switchTarget(consentPagePath(id), lang));
  };
  switch (outcome.kind) {
    case "own-app": {
      const location = await db.transaction(async (tx) => {
        const installation = await ensureOwnAppInstallation(tx, {
          accountId: principal.accountId,
          applicationId: client.id,
          scopes: client.scopes.map((s) => s.scope),
        });
        return issueCodeRedirect(tx, { applicationId: client.id, installation, principal, request: stored });
      });
      return redirect(location);
    }
    case "issue-code":
      return redirect(
        await issueCodeRedirect(db, {
          applicationId: client.id,
          installation: outcome.installation,
          principal,
          request: stored,
        }),
      );
    case "install-consent":
    case "ask-admin":
      if (req.prompt.has("none")) return deny("consent_required", "The application is not installed in this account.");
      return consentPage("install");
    case "personal-consent":
      if (req.prompt.has("none"))
        return deny("consent_required", "The person has not authorized this application, or this scope, yet.");
      return consentPage("personal");
    case "refuse":
      // An unassigned person sees the refusal on the consent page (it names who to ask).
      if (outcome.reason === "unassigned" && !req.prompt.has("none")) return consentPage("personal");
      return deny(outcome.error, outcome.description);
  }
}
