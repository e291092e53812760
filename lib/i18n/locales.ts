/** The languages of the console, the sign-in and the consent pages. */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The language a person chose with the switch (top bar, sign-in, consent), for a year. */
export const LOCALE_COOKIE = "ram_locale";
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 3600;

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/**
 * One BCP 47 language tag (RFC 5646) to one of ours, or undefined. Chinese in Simplified script
 * (`zh`, `zh-CN`, `zh-SG`, `zh-Hans`, `zh-Hans-*`) is zh-CN; Traditional (`zh-TW`, `zh-HK`, `zh-Hant`)
 * is not offered, so it falls through to the next preference. Any English is en.
 */
export function matchLocale(tag: string): Locale | undefined {
  const parts = tag.trim().toLowerCase().split(/[-_]/);
  if (parts[0] === "en") return "en";
  if (parts[0] !== "zh") return undefined;
  const [, second] = parts;
  if (second === undefined || second === "cn" || second === "sg" || second === "hans") return "zh-CN";
  return undefined;
}

/** OIDC Core §3.1.2.1 `ui_locales`: space-separated tags in order of preference; the first we have wins. */
export function localeFromUiLocales(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  for (const tag of value.split(" ").slice(0, 20)) {
    const locale = tag && matchLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}

/** RFC 9110 §12.5.4 Accept-Language: the highest-weighted tag we have (weight 0 means "not this"). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header || header.length > 1024) return undefined;
  const ranked = header
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0 && r.tag)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}

/**
 * Which language a page speaks: the authorization request's `ui_locales` (consent pages only),
 * then the switch's cookie, then Accept-Language, then English.
 */
export function resolveLocale(from: {
  uiLocales?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  return (
    localeFromUiLocales(from.uiLocales) ??
    (isLocale(from.cookie) ? from.cookie : undefined) ??
    localeFromAcceptLanguage(from.acceptLanguage) ??
    DEFAULT_LOCALE
  );
}
