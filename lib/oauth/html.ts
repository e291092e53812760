import { createElement } from "react";
import { isDatabaseUnavailable } from "@/lib/http/database-unavailable";
import { logError } from "@/lib/http/log";
import { ErrorScreen } from "./consent-screen/screens";
import { renderDocument } from "./consent-screen/render";

/** Minimal server-rendered pages for the protocol endpoints (no Next.js, no script). */
const FRAME_HEADERS = {
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; style-src 'self'; frame-ancestors 'none'; form-action 'self'",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
};

/** An error page for requests that can not be sent back to the application (RFC 6749 §4.1.2.1). */
export function errorPage(status: number, error: string, description: string, headers: Record<string, string> = {}): Response {
  const body = renderDocument(createElement(ErrorScreen, { error, description }));
  return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", ...FRAME_HEADERS, ...headers } });
}

/**
 * For the browser-facing protocol endpoints (authorize, consent page, consent decision): a database
 * outage is a clear 503 page with Retry-After instead of a bare 500; anything else is logged (one
 * bounded line, no request data) and answered with a plain 500 page.
 */
export function unavailablePageOr(error: unknown): Response {
  if (isDatabaseUnavailable(error)) {
    return errorPage(503, "temporarily_unavailable", "The console can not reach its database right now. Try again in a few seconds.", { "retry-after": "5" });
  }
  logError("Unhandled error in an authorization page", error);
  return errorPage(500, "server_error", "Something went wrong on our side. Start again from the application.");
}

export function redirect(location: string, status: 302 | 303 = 302): Response {
  return new Response(null, { status, headers: { location, ...FRAME_HEADERS } });
}
