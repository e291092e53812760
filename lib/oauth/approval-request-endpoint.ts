import { createElement } from "react";
import { getDb } from "@/db/client";
import { getClient } from "@/lib/apps/clients";
import { requestApproval } from "@/lib/apps/request-approval";
import { principalFromRequest } from "@/lib/auth/request-session";
import { constantTimeEqual } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { readBodyTextOrNull } from "@/lib/http/body-limit";
import { toResponse } from "@/lib/oauth/error-response";
import { decideConsent, isStale } from "./consent-outcome";
import { consentCsrfToken, consentPagePath, getPendingConsentRequest, isConsentRequestId } from "./consent-requests";
import { approvalsTranslator } from "./consent-screen/approvals-translator";
import { TooManyRequestsScreen } from "./consent-screen/approval-request";
import { SessionEndedScreen } from "./consent-screen/dead-ends";
import { switchTarget } from "@/lib/i18n/switch-target";
import { pageLocaleOf, protocolUi, type PageLocale } from "./consent-screen/page-language";
import { pageResponse } from "./consent-screen/render";
import { errorPage, redirect } from "./html";
import { signInAndContinueUrl } from "./resume-request";

/** The form: a CSRF token, the page's language and a reason of at most 500 characters; read no further. */
const MAX_FORM = 8 * 1024;
const FIELDS = new Set(["csrf_token", "lang", "reason"]);
type Fields = { csrf: string; lang: string | null; reason: string };

/**
 * POST /oauth2/consent/{requestId}/approval-request: Request approval on the ask-an-administrator
 * page, a plain form (the page runs no script). The requestor is the signed-in person of that
 * consent request, checked as the decision endpoint checks it (the session the request belongs to,
 * its CSRF token, the consent decision read fresh); the scope asked is the authorization
 * request's. Answered 303 to the consent page, which then says the request was sent (or, when an
 * administrator installed the application meanwhile, leads on), in the page's language.
 */
export async function approvalRequestEndpoint(request: Request): Promise<Response> {
  // Until the form is read: the cookie, then Accept-Language; `post` moves it to the form's page.
  const page: PageLocale = pageLocaleOf(request, { here: "/" });
  return post(request, page).catch((error: unknown) => toResponse(error, "page", page));
}

async function post(request: Request, page: PageLocale): Promise<Response> {
  const refuse = (status: number, key: Parameters<ReturnType<typeof approvalsTranslator>>[0]) =>
    errorPage(status, "invalid_request", approvalsTranslator(page.locale)(key), {}, page);
  if (request.method !== "POST") return refuse(405, "consent.errors.useForm");
  const requestId = new URL(request.url).pathname.split("/").at(-2) ?? "";
  if (!isConsentRequestId(requestId)) return refuse(404, "consent.errors.noRequest");
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded"))
    return refuse(400, "consent.errors.useForm");
  const body = await readBodyTextOrNull(request, MAX_FORM);
  if (body === null) return refuse(413, "consent.errors.tooLarge");
  const fields = readFields(body);
  if (!fields) return refuse(400, "consent.errors.changed");
  Object.assign(page, pageLocaleOf(request, { lang: fields.lang, here: consentPagePath(requestId) }));

  const principal = await principalFromRequest(request);
  const db = await getDb();
  if (!principal) {
    const signInUrl = await signInAndContinueUrl(db, requestId);
    return pageResponse(createElement(SessionEndedScreen, { ui: protocolUi(page), signInUrl }), 401);
  }
  const pending = await getPendingConsentRequest(db, requestId, principal.sessionId);
  if (!pending || pending.kind !== "install") return refuse(409, "consent.errors.answered");
  Object.assign(
    page,
    pageLocaleOf(request, { lang: fields.lang, uiLocales: pending.request.uiLocales, here: page.here }),
  );
  if (!constantTimeEqual(fields.csrf, consentCsrfToken(principal.sessionId, pending.id)))
    return refuse(403, "consent.errors.unverified");
  // Back to the consent page, in the language it was sent from.
  const back = redirect(fields.lang ? switchTarget(page.here, page.locale) : page.here, 303);
  const outcome = await decideConsent(db, { client: await getClient(pending.request.clientId), principal, pending });
  if (isStale(outcome)) return errorPage(outcome.status, outcome.error, outcome.message, {}, page);
  // An administrator can grant it, and an installed application needs no approval: the page says so.
  if (outcome.kind !== "ask-admin" || outcome.installed) return back;
  try {
    await requestApproval({
      actor: principal,
      clientId: pending.request.clientId,
      scopes: pending.request.scope.split(" ").filter(Boolean),
      reason: fields.reason,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "too_many_requests") {
      const tooMany = pageResponse(
        createElement(TooManyRequestsScreen, { ui: protocolUi(page), back: page.here }),
        429,
      );
      tooMany.headers.set("retry-after", String(error.details?.retryAfter ?? 60));
      return tooMany;
    }
    // Installed or no longer installable meanwhile: the consent page shows what is true now.
    if (error.code === "conflict" || error.code === "not_found") return back;
    throw error;
  }
  return back;
}

/** csrf_token, lang and reason, each at most once, and nothing else (an edited form is refused). */
function readFields(body: string): Fields | null {
  const seen = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(body)) {
    if (!FIELDS.has(key) || seen.has(key)) return null;
    seen.set(key, value);
  }
  return { csrf: seen.get("csrf_token") ?? "", lang: seen.get("lang") ?? null, reason: seen.get("reason") ?? "" };
}
