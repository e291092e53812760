import { createElement } from "react";
import { ErrorScreen } from "./consent-screen/screens";
import { renderDocument } from "./consent-screen/render";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

/** Minimal server-rendered pages for the protocol endpoints (no Next.js, no script). */
const FRAME_HEADERS = {
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; style-src 'self'; frame-ancestors 'none'; form-action 'self'",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
};

/** An error page for requests that cannot be sent back to the application (RFC 6749 §4.1.2.1). */
export function errorPage(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
  // The consent-screen engineer threads this into ErrorScreen (the protocol pages' language).
  _locale: Locale = DEFAULT_LOCALE,
): Response {
  const body = renderDocument(createElement(ErrorScreen, { error, description }));
  return new Response(body, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", ...FRAME_HEADERS, ...headers },
  });
}

export function redirect(location: string, status: 302 | 303 = 302): Response {
  return new Response(null, { status, headers: { location, ...FRAME_HEADERS } });
}
