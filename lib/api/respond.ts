import { z } from "zod";
import { AppError, statusOf } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/http/database-unavailable";
import { logError } from "@/lib/http/log";

/** Moved to lib/http/database-unavailable.ts (shared by every transport); re-exported for existing importers. */
export { isDatabaseUnavailable } from "@/lib/http/database-unavailable";

/** Moved to lib/http/log.ts (the one logging helper); re-exported for existing importers. */
export { safeErrorMessage } from "@/lib/http/log";

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** The one place where errors become HTTP answers. Unknown errors are logged, never echoed. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = { ...error.headers };
    if (error.code === "too_many_requests" || error.code === "unavailable") headers["retry-after"] = String(error.details?.retryAfter ?? 5);
    return json({ error: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }, statusOf[error.code], headers);
  }
  if (error instanceof z.ZodError) {
    return json({ error: "invalid_input", message: humanIssues(error), details: { issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) } }, 422);
  }
  if (isDatabaseUnavailable(error)) {
    return json({ error: "unavailable", message: "The database is not reachable right now. Try again in a few seconds." }, 503, { "retry-after": "5" });
  }
  logError("Unhandled error in API route", error);
  return json({ error: "internal_error", message: "Something went wrong on our side. Nothing was changed." }, 500);
}

export function humanIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}
