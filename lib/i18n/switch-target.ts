import type { Locale } from "./locales";

/**
 * The query parameter a language switch comes back with (`?lang=zh-CN`) on the pages an
 * authorization request leads through (sign-in and the protocol pages): the person's own choice
 * on that very page, so it outranks the request's ui_locales there.
 */
export const LANG_PARAM = "lang";

/** The pages where `?lang=` is read: the sign-in page and the protocol pages. */
const SPEAKS_LANG_PARAM = /^\/(?:signin(?:[/?#]|$)|oauth2\/)/;

/**
 * Where the switch for `locale` comes back to: the sign-in page or a protocol page with
 * `?lang=<locale>`, any other page as it is (the cookie the switch sets decides there). Without a
 * locale (nobody chose one on the way), `here` as it is.
 */
export function switchTarget(here: string, locale: Locale | undefined): string {
  if (!locale || !SPEAKS_LANG_PARAM.test(here)) return here;
  const url = new URL(here, "http://console.invalid");
  url.searchParams.set(LANG_PARAM, locale);
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `here` comes checked (safeCallbackUrl, a request's own path); a path that now reads as another host never leaves.
  return path.startsWith("//") ? "/" : path;
}
