import { createElement } from "react";
import { ErrorScreen } from "./consent-screen/screens";
import { renderDocument } from "./consent-screen/render";
import { protocolUi, type PageLocale } from "./consent-screen/page-language";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { renderPageText, type PageText } from "./page-text";

/** Minimal server-rendered pages for the protocol endpoints (no Next.js, no script). */
const FRAME_HEADERS = {
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; style-src 'self'; frame-ancestors 'none'; form-action 'self'",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
};

/**
 * An error page for requests that cannot be sent back to the application (RFC 6749 §4.1.2.1), in
 * the page's language (`page`: the language alone, or with the page its language switch comes
 * back to; the console's home page otherwise). The error code stays the protocol's own word.
 */
export function errorPage(
  status: number,
  error: string,
  description: PageText,
  headers: Record<string, string> = {},
  page: Locale | PageLocale = DEFAULT_LOCALE,
): Response {
  const ui = protocolUi(page);
  const body = renderDocument(
    createElement(ErrorScreen, { ui, error, description: renderPageText(description, ui.locale) }),
  );
  return new Response(body, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", ...FRAME_HEADERS, ...headers },
  });
}

export function redirect(location: string, status: 302 | 303 = 302): Response {
  return new Response(null, { status, headers: { location, ...FRAME_HEADERS } });
}
