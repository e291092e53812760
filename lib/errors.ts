/**
 * Domain errors, free of protocol codes: services throw them, and each transport maps them to its
 * answer in one place (lib/oauth/error-response.ts). Protocol errors are OAuthError (lib/oauth/oauth-error.ts).
 */
export type AppErrorCode =
  "unauthorized" | "forbidden" | "not_found" | "conflict" | "invalid_input" | "too_many_requests" | "unavailable";

export const statusOf: Record<AppErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_input: 422,
  too_many_requests: 429,
  unavailable: 503,
};

/**
 * A message of the catalogs (lib/i18n/messages): the full key ("namespace.path.name") and its ICU
 * arguments. Each transport renders it in the language of the request (lib/oauth/error-response.ts).
 */
export type MessageRef = { key: string; values?: Record<string, string | number> };

export class AppError extends Error {
  /** The catalog message, when the error was thrown with one; `message` is then its key. */
  readonly ref?: MessageRef;

  constructor(
    readonly code: AppErrorCode,
    message: string | MessageRef,
    readonly details?: Record<string, unknown>,
  ) {
    super(typeof message === "string" ? message : message.key);
    this.name = "AppError";
    if (typeof message !== "string") this.ref = message;
  }
}

/** 403 with a catalog message (by default `errors.forbidden`, "You do not have permission to do this."). */
export const forbidden = (what: MessageRef | string = { key: "errors.forbidden" }) => new AppError("forbidden", what);
/** 404 with a catalog message (by default `errors.notFound`, "Not found."). */
export const notFound = (what: MessageRef | string = { key: "errors.notFound" }) => new AppError("not_found", what);
