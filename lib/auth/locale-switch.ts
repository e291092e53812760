import { getEnv } from "@/lib/env";
import { BodyTooLargeError, readBodyText } from "@/lib/http/body-limit";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/i18n/locales";
import { switchTarget } from "@/lib/i18n/switch-target";
import { localeOfRequest, translatorFor } from "@/lib/i18n/translator";
import { safeCallbackUrl } from "./callback-url";

/** The switch's form: a language and the page to go back to. */
const LOCALE_FORM_LIMIT = 8 * 1024;

/**
 * POST /api/locale: the language switch of the top bar, sign-in and consent pages. A plain HTML
 * form (no JavaScript needed, the consent page has none): it remembers the choice in a cookie and
 * sends the browser back (303, RFC 9110 §15.4.4) to the page it came from, if that page is the
 * console's own (lib/auth/callback-url.ts); to the sign-in and protocol pages with `?lang=`, which
 * outranks the authorization request's ui_locales there. A cross-site form may not set it.
 */
export async function localeSwitchEndpoint(request: Request): Promise<Response> {
  const origin = new URL(getEnv().issuer).origin;
  const from = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  // Sec-Fetch-Site first: under the console's `Referrer-Policy: no-referrer` a browser sends
  // `Origin: null` even for its own form (as for sign-in, lib/auth/sign-in-request.ts).
  const own = new Set([origin, new URL(request.url).origin]);
  const crossSite = site !== null ? site !== "same-origin" && site !== "none" : from !== null && !own.has(from);
  const refuse = (status: number, message: string) =>
    new Response(message, {
      status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  const t = translatorFor(localeOfRequest(request));
  if (crossSite) return refuse(403, t("apiErrors.api.crossSite"));
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded"))
    return refuse(415, t("apiErrors.auth.formRequired"));
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await readBodyText(request, LOCALE_FORM_LIMIT));
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return refuse(413, t("errors.tooLarge", { size: `${LOCALE_FORM_LIMIT / 1024} KiB` }));
    throw error;
  }
  const locale = form.getAll("locale");
  if (locale.length !== 1 || !isLocale(locale[0])) return refuse(400, t("apiErrors.api.unknownLanguage"));
  const back = safeCallbackUrl(form.get("back"), origin);
  const secure = origin.startsWith("https:") ? "; Secure" : "";
  return new Response(null, {
    status: 303,
    headers: {
      location: switchTarget(back, locale[0]),
      "set-cookie": `${LOCALE_COOKIE}=${locale[0]}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE}; SameSite=Lax${secure}`,
      "cache-control": "no-store",
    },
  });
}
