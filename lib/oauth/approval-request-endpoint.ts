import { createElement } from "react";
import { getDb } from "@/db/client";
import { getClient } from "@/lib/apps/clients";
import { requestApproval } from "@/lib/apps/request-approval";
import { principalFromRequest } from "@/lib/auth/request-session";
import { constantTimeEqual } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { readBodyTextOrNull } from "@/lib/http/body-limit";
import { localeOfRequest } from "@/lib/i18n/translator";
import { toResponse } from "@/lib/oauth/error-response";
import { decideConsent, isStale } from "./consent-outcome";
import { consentCsrfToken, getPendingConsentRequest, isConsentRequestId } from "./consent-requests";
import { approvalsTranslator } from "./consent-screen/approvals-translator";
import { TooManyRequestsScreen } from "./consent-screen/approval-request";
import { SessionEndedScreen } from "./consent-screen/dead-ends";
import { pageResponse } from "./consent-screen/render";
import { errorPage, redirect } from "./html";
import { signInAndContinueUrl } from "./resume-request";

/** The form: a CSRF token and a reason of at most 500 characters; read no further. */
const MAX_FORM = 8 * 1024;
const FIELDS = new Set(["csrf_token", "reason"]);

/**
 * POST /oauth2/consent/{requestId}/approval-request: Request approval on the ask-an-administrator
 * page, a plain form (the page runs no script). The requestor is the signed-in person of that
 * consent request, checked as the decision endpoint checks it (the session the request belongs to,
 * its CSRF token, the consent decision read fresh); the scope asked is the authorization
 * request's. Answered 303 to the consent page, which then says the request was sent (or, when an
 * administrator installed the application meanwhile, leads on).
 */
export async function approvalRequestEndpoint(request: Request): Promise<Response> {
  return post(request).catch((error: unknown) => toResponse(error, "page", localeOfRequest(request)));
}

async function post(request: Request): Promise<Response> {
  const locale = localeOfRequest(request);
  const t = approvalsTranslator(locale);
  const refuse = (status: number, key: Parameters<typeof t>[0]) =>
    errorPage(status, "invalid_request", t(key), {}, locale);
  if (request.method !== "POST") return refuse(405, "consent.errors.useForm");
  const segments = new URL(request.url).pathname.split("/");
  const requestId = segments.at(-2) ?? "";
  if (!isConsentRequestId(requestId)) return refuse(404, "consent.errors.noRequest");
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded"))
    return refuse(400, "consent.errors.useForm");
  const body = await readBodyTextOrNull(request, MAX_FORM);
  if (body === null) return refuse(413, "consent.errors.tooLarge");
  const fields = readFields(body);
  if (!fields) return refuse(400, "consent.errors.changed");

  const principal = await principalFromRequest(request);
  const db = await getDb();
  if (!principal)
    return pageResponse(
      createElement(SessionEndedScreen, { signInUrl: await signInAndContinueUrl(db, requestId) }),
      401,
    );
  const pending = await getPendingConsentRequest(db, requestId, principal.sessionId);
  if (!pending || pending.kind !== "install") return refuse(409, "consent.errors.answered");
  if (!constantTimeEqual(fields.csrf, consentCsrfToken(principal.sessionId, pending.id)))
    return refuse(403, "consent.errors.unverified");
  const consentPage = `/oauth2/consent/${pending.id}`;
  const outcome = await decideConsent(db, { client: await getClient(pending.request.clientId), principal, pending });
  if (isStale(outcome)) return errorPage(outcome.status, outcome.error, outcome.description, {}, locale);
  // An administrator can grant it, and an installed application needs no approval: the page says so.
  if (outcome.kind !== "ask-admin" || outcome.installed) return redirect(consentPage, 303);
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
      const page = pageResponse(createElement(TooManyRequestsScreen, { t, back: consentPage }), 429);
      page.headers.set("retry-after", String(error.details?.retryAfter ?? 60));
      return page;
    }
    // Installed or no longer installable meanwhile: the consent page shows what is true now.
    if (error.code === "conflict" || error.code === "not_found") return redirect(consentPage, 303);
    throw error;
  }
  return redirect(consentPage, 303);
}

/** csrf_token and reason, each at most once, and nothing else (an edited form is refused). */
function readFields(body: string): { csrf: string; reason: string } | null {
  const seen = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(body)) {
    if (!FIELDS.has(key) || seen.has(key)) return null;
    seen.set(key, value);
  }
  return { csrf: seen.get("csrf_token") ?? "", reason: seen.get("reason") ?? "" };
}
