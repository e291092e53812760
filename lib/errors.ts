/** Domain errors; mapped to HTTP in one place (lib/api/respond.ts). */
export type AppErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_input"
  /** a request body over its limit (lib/http/body-limit.ts) */
  | "payload_too_large"
  | "too_many_requests"
  | "unavailable"
  /** RFC 6750 §3.1, for bearer-token callers of the console API */
  | "invalid_token"
  | "insufficient_scope";

export const statusOf: Record<AppErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_input: 422,
  payload_too_large: 413,
  too_many_requests: 429,
  unavailable: 503,
  invalid_token: 401,
  insufficient_scope: 403,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. the WWW-Authenticate challenge of a bearer token error. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const forbidden = (what = "You do not have permission to do this.") => new AppError("forbidden", what);
export const notFound = (what = "Not found.") => new AppError("not_found", what);
