import { createTranslator } from "next-intl";
import type { MessageRef } from "@/lib/errors";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "./locales";
import { catalogs } from "./messages";

/**
 * Translation outside next-intl's request scope: route handlers (the consent pages, the console
 * API's error messages, the OAuth HTML pages), which render with React or JSON on their own.
 */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogs[locale], timeZone: "UTC" });
}

export type Translator = ReturnType<typeof translatorFor>;

/** The language of a request: the switch's cookie, then Accept-Language, then English. */
export function localeOfRequest(request: Request, uiLocales?: string | null): Locale {
  return resolveLocale({
    uiLocales,
    cookie: cookieValue(request.headers.get("cookie"), LOCALE_COOKIE),
    acceptLanguage: request.headers.get("accept-language"),
  });
}

/** A catalog message by its full key, e.g. `errors.notFound`. */
export function renderMessage(ref: MessageRef, locale: Locale): string {
  const t = translatorFor(locale) as unknown as (key: string, values?: MessageRef["values"]) => string;
  return t(ref.key, ref.values);
}

function cookieValue(header: string | null, name: string): string | undefined {
  if (!header || header.length > 8192) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
