import { z } from "zod";
import { AppError, statusOf } from "@/lib/errors";
import { bodyTooLarge, OAuthError } from "./oauth-error";
import { errorPage } from "./html";
import { BodyTooLargeError } from "@/lib/http/body-limit";
import { isDatabaseUnavailable } from "@/lib/http/database-unavailable";
import { json, NO_STORE } from "@/lib/http/json";
import { logError } from "@/lib/http/log";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { PageLocale } from "./consent-screen/page-language";
import { renderMessage, translatorFor } from "@/lib/i18n/translator";

/**
 * How an answer is written: the console JSON API (`{ error, message, details? }`), the OAuth JSON
 * endpoints (RFC 6749 §5.2 `{ error, error_description }`, never cached), or the HTML page of a
 * browser-facing protocol endpoint (authorize, consent).
 */
export type Transport = "api" | "oauth" | "page";

/** An error, whatever its type, as what the transport writes. */
type Problem = {
  status: number;
  code: string;
  message: string;
  headers: Record<string, string>;
  details?: Record<string, unknown>;
  bare?: boolean;
};

/** Retry-After (RFC 9110 §10.2.3) for an outage or a rate limit, in seconds. */
const RETRY_AFTER_SECONDS = 5;

const OUTAGE_CODE: Record<Transport, string> = {
  api: "unavailable",
  oauth: "temporarily_unavailable",
  page: "temporarily_unavailable",
};

const UNEXPECTED: Record<Transport, { code: string; log: string }> = {
  api: { code: "internal_error", log: "Unhandled error in API route" },
  oauth: { code: "server_error", log: "Unhandled error in OAuth endpoint" },
  page: { code: "server_error", log: "Unhandled error in an authorization page" },
};

/**
 * The one place where errors become HTTP answers, for every transport. It sits in lib/oauth, the
 * lowest transport layer (lib/api and lib/setup build on it), because it knows OAuthError and the
 * protocol error page. Unknown errors are logged
 * (one bounded line, no request data) and answered with a 500 that echoes nothing.
 *
 * Messages are in the request's `locale` for the console API and the HTML pages. At the OAuth JSON
 * endpoints they stay English: RFC 6749 §5.2 allows only printable ASCII in error_description,
 * which is for the client's developer, not for the person. An HTML page may also be given the
 * page its language switch comes back to (`PageLocale`).
 */
export function toResponse(error: unknown, transport: Transport, page: Locale | PageLocale = DEFAULT_LOCALE): Response {
  const locale = typeof page === "string" ? page : page.locale;
  const problem = problemOf(error, transport, transport === "oauth" ? DEFAULT_LOCALE : locale);
  if (transport === "api") {
    const body = problem.bare
      ? { error: "unauthorized", message: problem.message }
      : { error: problem.code, message: problem.message };
    return json(problem.details ? { ...body, details: problem.details } : body, problem.status, problem.headers);
  }
  if (transport === "page") return errorPage(problem.status, problem.code, problem.message, problem.headers, page);
  if (problem.bare)
    return new Response(null, { status: problem.status, headers: { ...problem.headers, "cache-control": "no-store" } });
  return json({ error: problem.code, error_description: problem.message }, problem.status, {
    ...NO_STORE,
    ...problem.headers,
  });
}

function problemOf(error: unknown, transport: Transport, locale: Locale): Problem {
  const t = translatorFor(locale);
  if (error instanceof BodyTooLargeError) return tooLarge(error, transport, locale);
  if (error instanceof OAuthError) {
    return {
      status: error.status,
      code: error.code,
      message: error.description,
      headers: error.headers,
      bare: error.withoutCode,
    };
  }
  // Domain errors are not protocol answers: at the OAuth JSON endpoints they are a server error.
  if (error instanceof AppError && transport !== "oauth") return appProblem(error, transport, locale);
  if (error instanceof z.ZodError && transport === "api") {
    const issues = error.issues.map((i) => ({ path: i.path.join("."), message: issueMessage(i, locale) }));
    return { status: 422, code: "invalid_input", message: humanIssues(issues), headers: {}, details: { issues } };
  }
  if (isDatabaseUnavailable(error))
    return {
      status: 503,
      code: OUTAGE_CODE[transport],
      message: t(`errors.outage.${transport}`),
      headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
    };
  const { log, code } = UNEXPECTED[transport];
  logError(log, error);
  return { status: 500, code, message: t(`errors.unexpected.${transport}`), headers: {} };
}

/** RFC 9110 §15.5.14: 413 for a body over its limit (lib/http/body-limit.ts), never read further. */
function tooLarge(error: BodyTooLargeError, transport: Transport, locale: Locale): Problem {
  if (transport === "api")
    return {
      status: 413,
      code: "payload_too_large",
      message: translatorFor(locale)("errors.tooLarge", { size: sizeOf(error.limit) }),
      headers: {},
    };
  const oauth = bodyTooLarge();
  return { status: oauth.status, code: oauth.code, message: oauth.description, headers: oauth.headers };
}

function appProblem(error: AppError, transport: Transport, locale: Locale): Problem {
  const message = error.ref ? renderMessage(error.ref, locale) : error.message;
  const headers: Record<string, string> = {};
  if (error.code === "too_many_requests" || error.code === "unavailable")
    headers["retry-after"] = String(error.details?.retryAfter ?? RETRY_AFTER_SECONDS);
  if (transport === "api")
    return { status: statusOf[error.code], code: error.code, message, headers, details: error.details };
  // An HTML page names the refusal with the protocol's words (RFC 6749 §4.1.2.1).
  const code =
    error.code === "forbidden"
      ? "access_denied"
      : error.code === "unavailable"
        ? "temporarily_unavailable"
        : "invalid_request";
  return { status: error.code === "invalid_input" ? 400 : statusOf[error.code], code, message, headers };
}

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

function humanIssues(issues: { path: string; message: string }[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
}

/** A message our schemas name by catalog key (`validation.displayNameRequired`); zod's own, in the locale. */
const CATALOG_KEY = /^[a-z][A-Za-z]*(?:\.[A-Za-z][\w-]*)+$/;

/**
 * One zod issue as a person reads it in `locale`. A catalog key gets its ICU arguments from the
 * issue: a refinement's `params` (`{ message: "validation.app.scopeListedTwice", params: { scope } }`),
 * and the bound of a size check as `minimum` / `maximum`.
 */
export function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  if (CATALOG_KEY.test(issue.message)) return renderMessage({ key: issue.message, values: issueValues(issue) }, locale);
  if (locale === "zh-CN") {
    const localized = z.locales.zhCN().localeError(issue as unknown as z.core.$ZodRawIssue);
    const text = typeof localized === "string" ? localized : localized?.message;
    // A finished issue no longer holds its input, so zod's "received …" clause would say undefined.
    if (text) return text.replace(/，实际接收.*$/, "");
  }
  return issue.message;
}

function issueValues(issue: z.core.$ZodIssue): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  if (issue.code === "custom")
    for (const [name, value] of Object.entries(issue.params ?? {}))
      if (typeof value === "string" || typeof value === "number") values[name] = value;
  if (issue.code === "too_small") values.minimum = Number(issue.minimum);
  if (issue.code === "too_big") values.maximum = Number(issue.maximum);
  return values;
}
