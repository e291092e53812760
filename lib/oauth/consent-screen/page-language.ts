import { isLocale, type Locale } from "@/lib/i18n/locales";
import { localeOfRequest, translatorFor, type Translator } from "@/lib/i18n/translator";

/**
 * The query parameter the protocol pages' language switch comes back with (`?lang=zh-CN`): the
 * person's own choice on this very page, so it outranks the authorization request's ui_locales.
 */
export const LANG_PARAM = "lang";

/** The language a protocol page speaks, and the page its language switch comes back to (a path on the console). */
export type PageLocale = { locale: Locale; here: string };

/** What the components of a protocol page write with: the language, the translator, the way back of the switch. */
export type ProtocolUi = PageLocale & { t: Translator };

export function protocolUi(page: Locale | PageLocale): ProtocolUi {
  const { locale, here } = typeof page === "string" ? { locale: page, here: "/" } : page;
  return { locale, here, t: translatorFor(locale) };
}

/**
 * The language of a protocol page: the switch's `lang` on this page, then the authorization
 * request's ui_locales (OIDC Core §3.1.2.1), then the switch's cookie, then Accept-Language, then
 * English. `here` is the page the switch comes back to, without `lang`.
 */
export function pageLocaleOf(
  request: Request,
  opts: { lang?: string | null; uiLocales?: string | null; here: string },
): PageLocale {
  const locale = isLocale(opts.lang) ? opts.lang : localeOfRequest(request, opts.uiLocales);
  return { locale, here: opts.here };
}

/**
 * Where the switch for `locale` comes back to: a protocol page with `?lang=<locale>` (which
 * outranks ui_locales there), any other page as it is (the cookie the switch sets decides there).
 */
export function switchTarget(here: string, locale: Locale): string {
  if (!here.startsWith("/oauth2/")) return here;
  const url = new URL(here, "http://protocol.invalid");
  url.searchParams.set(LANG_PARAM, locale);
  return `${url.pathname}${url.search}`;
}

/** A path with its query, without the switch's `lang`: the `here` of a GET page. */
export function pathWithoutLang(url: URL): string {
  const query = new URLSearchParams(url.searchParams);
  query.delete(LANG_PARAM);
  const search = query.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}
