import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import { translatorFor } from "@/lib/i18n/translator";

/** A message of the protocol pages' errors (`consent.errors.<key>` in the catalogs). */
export type PageErrorKey = keyof Messages["consent"]["errors"];

/** A catalog message for an error page, with its values; a list of values is written as a list of the page's language. */
export type PageMessage = { key: PageErrorKey; values?: Record<string, string | number | readonly string[]> };

/** What an error page says: a catalog message, or a text already in the page's language (or the protocol's own words). */
export type PageText = string | PageMessage;

export const pageMessage = (key: PageErrorKey, values?: PageMessage["values"]): PageMessage => ({ key, values });

/** "openid, profile" / "openid、profile". */
export function listIn(locale: Locale, items: readonly string[]): string {
  return items.join(locale === "zh-CN" ? "、" : ", ");
}

export function renderPageText(text: PageText, locale: Locale): string {
  if (typeof text === "string") return text;
  const values = Object.fromEntries(
    Object.entries(text.values ?? {}).map(([name, value]) => [
      name,
      typeof value === "object" ? listIn(locale, value) : value,
    ]),
  );
  const t = translatorFor(locale) as unknown as (key: string, values: Record<string, string | number>) => string;
  return t(`consent.errors.${text.key}`, values);
}

/** The English words of a page message: what RFC 6749 §4.1.2.1 `error_description` tells the application. */
export const englishOf = (text: PageText): string => renderPageText(text, "en");
