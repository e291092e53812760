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

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const forbidden = (what = "You do not have permission to do this.") => new AppError("forbidden", what);
export const notFound = (what = "Not found.") => new AppError("not_found", what);
