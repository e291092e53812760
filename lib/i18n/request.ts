import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "./locales";
import { catalogs } from "./messages";

/**
 * next-intl's request configuration for pages and server components: the language from the
 * switch's cookie, then Accept-Language, then English (the locale is not part of the URL).
 * Times are shown in UTC on the server; components/console/local-time.tsx moves them to the
 * viewer's zone in the browser.
 */
export default getRequestConfig(async () => {
  const [jar, list] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: list.get("accept-language"),
  });
  return { locale, messages: catalogs[locale], timeZone: "UTC" };
});
