import { isLocale, localeFromUiLocales, resolveLocale, type Locale } from "./locales";
import { LANG_PARAM } from "./switch-target";

/**
 * The language of a console page (`path` is the path and query the proxy passes on as
 * `x-pathname`): the switch's cookie, then Accept-Language, then English. The sign-in page is the
 * first page of an authorization request too, so there the switch's `?lang=` comes first and the
 * request's ui_locales (OIDC Core §3.1.2.1, in the authorization URL it continues to) second, as
 * on the consent pages.
 */
export function pageLocale(from: {
  path: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  const signIn = signInHints(from.path);
  if (signIn.lang) return signIn.lang;
  return resolveLocale({ uiLocales: signIn.uiLocales, cookie: from.cookie, acceptLanguage: from.acceptLanguage });
}

function signInHints(path: string | null): { lang?: Locale; uiLocales?: string } {
  if (!path?.startsWith("/signin")) return {};
  const url = new URL(path, "http://console.invalid");
  if (url.pathname !== "/signin") return {};
  // Repeated, the switch's `lang` is no choice (the page reads it the same way).
  const lang = url.searchParams.getAll(LANG_PARAM);
  if (lang.length === 1 && isLocale(lang[0])) return { lang: lang[0] };
  const callback = url.searchParams.get("callbackUrl");
  if (!callback) return {};
  // Only a hint of language is read here: where the callback may lead is safeCallbackUrl's to decide.
  const target = new URL(callback, "http://console.invalid");
  if (target.pathname !== "/oauth2/authorize") return {};
  // A repeated ui_locales is a malformed request (the authorization endpoint refuses it): not a hint.
  const asked = target.searchParams.getAll("ui_locales");
  return asked.length === 1 && localeFromUiLocales(asked[0]) ? { uiLocales: asked[0] } : {};
}
