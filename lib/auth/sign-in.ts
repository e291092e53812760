import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { safeCallbackUrl } from "./callback-url";
import { createConsoleSession, revokeConsoleSession, SESSION_TTL_SECONDS } from "./console-session";
import { readCookie, sessionCookie, sessionCookieName, sessionIdFromToken } from "./request-session";
import { signInPath } from "./sign-in-path";
import { readSignInForm, SignInFieldsMissing, SignInRefused, type SignInForm } from "./sign-in-request";
import { clientAddress, refundAttempt, takeAttempt, throttleKeys } from "./sign-in-throttle";
import { verifyCredentials } from "./verify-credentials";
import { recordSignIn } from "@/lib/audit-log/record-sign-in";
import { json } from "@/lib/http/json";
import { logLine } from "@/lib/http/log";
import { switchTarget } from "@/lib/i18n/switch-target";
import { localeOfRequest, translatorFor } from "@/lib/i18n/translator";

/** A failed sign-in; its message is `signIn.errors.<error>` (or `signIn.server.tooManyAttempts` with the minutes). */
type Failure = {
  status: 401 | 429 | 503;
  error: "CredentialsSignin" | "TooManyRequests" | "Unavailable";
  retryAfter?: number;
};

const INCORRECT: Failure = { status: 401, error: "CredentialsSignin" };
const UNAVAILABLE: Failure = { status: 503, error: "Unavailable", retryAfter: 5 };

/**
 * POST /api/auth/sign-in, the console's only way in (the form posts here with or without
 * JavaScript). The form is read once (`readSignInForm`); the same normalised logon name is
 * throttled and checked. The attempt is counted before the password work, and an attempt that can
 * not be counted fails with 503. Success: a new console session replacing the caller's old one,
 * the session cookie, and 303 to the same-origin callback. A browser's form post (a navigation)
 * is sent back to the sign-in page with the error (which it shows in the page's language); other
 * callers get the status itself, with a message in the request's language (cookie, then
 * Accept-Language). Every attempt past the throttle's count (success, failure, throttled) is
 * audited in the account it names (lib/audit-log/record-sign-in.ts). Nothing from the request is
 * ever logged.
 */
export async function signInEndpoint(request: Request): Promise<Response> {
  let form: SignInForm;
  try {
    form = await readSignInForm(request);
  } catch (error) {
    if (error instanceof SignInFieldsMissing) return fieldsMissing(request, error);
    if (error instanceof SignInRefused) return plain(error.status, error.messageIn(localeOfRequest(request)));
    return unexpected("read", error, request, undefined);
  }
  const keys = throttleKeys(form.login, clientAddress(request));
  try {
    const wait = await takeAttempt(keys);
    if (wait > 0) {
      await recordSignIn(await getDb(), { login: form.login, result: "throttled" });
      return failed(request, form, { status: 429, error: "TooManyRequests", retryAfter: wait });
    }
  } catch (error) {
    return unexpected("throttle", error, request, form);
  }
  try {
    const db = await getDb();
    const who = await verifyCredentials(db, form.login, form.password);
    if (!who) {
      await recordSignIn(db, { login: form.login, result: "failure" });
      return failed(request, form, INCORRECT);
    }
    await refundAttempt(keys);
    const old = await previousSessionId(request);
    const sid = await db.transaction(async (tx) => {
      const id = await createConsoleSession(tx, who);
      if (old) await revokeConsoleSession(tx, old);
      await recordSignIn(tx, { login: form.login, result: "success" });
      return id;
    });
    const callback = safeCallbackUrl(form.callbackUrl, getEnv().issuer);
    const headers = new Headers({
      // The language chosen on the sign-in page goes on into the consent pages, where it outranks ui_locales.
      location: switchTarget(callback, form.lang),
      "cache-control": "no-store",
    });
    headers.append("set-cookie", await sessionCookie(sid, SESSION_TTL_SECONDS));
    return new Response(null, { status: 303, headers });
  } catch (error) {
    return unexpected("verify", error, request, form);
  }
}

/** The session the caller's cookie carries, to be replaced; a malformed cookie is no session. */
async function previousSessionId(request: Request): Promise<string | null> {
  try {
    return await sessionIdFromToken(readCookie(request.headers.get("cookie"), sessionCookieName()));
  } catch {
    return null;
  }
}

/** A browser's own form submission, as opposed to fetch() or a command-line client. */
function isNavigation(request: Request): boolean {
  const mode = request.headers.get("sec-fetch-mode");
  if (mode !== null) return mode === "navigate";
  return (request.headers.get("accept") ?? "").includes("text/html");
}

function failed(request: Request, form: SignInForm | undefined, failure: Failure): Response {
  const retry: Record<string, string> = failure.retryAfter ? { "retry-after": String(failure.retryAfter) } : {};
  if (!isNavigation(request)) {
    const t = translatorFor(localeOfRequest(request));
    const message =
      failure.error === "TooManyRequests" && failure.retryAfter
        ? t("signIn.server.tooManyAttempts", { minutes: Math.ceil(failure.retryAfter / 60) })
        : t(`signIn.errors.${failure.error}`);
    return json({ error: failure.error, message }, failure.status, retry);
  }
  return backToForm({ error: failure.error }, form, retry);
}

/** Empty fields: a browser goes back to the form with those fields marked; other callers get 400. */
function fieldsMissing(request: Request, error: SignInFieldsMissing): Response {
  if (!isNavigation(request))
    return json(
      { error: "invalid_request", message: error.messageIn(localeOfRequest(request)), missing: error.missing },
      400,
    );
  return backToForm({ missing: error.missing.join(",") }, error.form, {});
}

/** 303 to the sign-in page with `params`, the same safe callback and re-authentication. */
function backToForm(
  params: Record<string, string>,
  form: Pick<SignInForm, "callbackUrl" | "reauth" | "lang"> | undefined,
  headers: Record<string, string>,
): Response {
  const back = signInPath(
    {
      callbackUrl: safeCallbackUrl(form?.callbackUrl, getEnv().issuer),
      reauth: form?.reauth ?? false,
      lang: form?.lang,
    },
    params,
  );
  return new Response(null, {
    status: 303,
    headers: { "cache-control": "no-store", ...headers, location: back },
  });
}

function plain(status: number, message: string): Response {
  return json({ error: "invalid_request", message }, status);
}

/** Fails closed with 503. The log line names the stage and the error's code only: a failed query's message carries its parameters. */
function unexpected(stage: string, error: unknown, request: Request, form: SignInForm | undefined): Response {
  const e = error as { code?: unknown; name?: unknown; cause?: { code?: unknown } } | null;
  console.error(logLine(`sign-in: ${stage} failed (${String(e?.code ?? e?.cause?.code ?? e?.name ?? "unknown")})`));
  return failed(request, form, UNAVAILABLE);
}
