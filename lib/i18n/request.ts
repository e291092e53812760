import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE } from "./locales";
import { pageLocale } from "./page-locale";
import { catalogs } from "./messages";

/**
 * next-intl's request configuration for pages and server components: the language from the
 * switch's cookie, then Accept-Language, then English (the locale is not part of the URL); on the
 * sign-in page the switch's `?lang=` and the authorization request's ui_locales first (page-locale.ts).
 * Times are shown in UTC on the server; components/console/local-time.tsx moves them to the
 * viewer's zone in the browser.
 */
export default getRequestConfig(async () => {
  const [jar, list] = await Promise.all([cookies(), headers()]);
  const locale = pageLocale({
    path: list.get("x-pathname"),
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: list.get("accept-language"),
  });
  return { locale, messages: catalogs[locale], timeZone: "UTC" };
});
