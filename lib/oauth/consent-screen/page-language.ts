import { isLocale, type Locale } from "@/lib/i18n/locales";
import { LANG_PARAM } from "@/lib/i18n/switch-target";
import { localeOfRequest, translatorFor, type Translator } from "@/lib/i18n/translator";

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

/** A path with its query, without the switch's `lang`: the `here` of a GET page. */
export function pathWithoutLang(url: URL): string {
  const query = new URLSearchParams(url.searchParams);
  query.delete(LANG_PARAM);
  const search = query.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}
