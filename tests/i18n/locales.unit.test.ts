import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, localeFromUiLocales, matchLocale, resolveLocale } from "@/lib/i18n/locales";

describe("choosing the language", () => {
  it.each([
    ["en", "en"],
    ["en-GB", "en"],
    ["zh", "zh-CN"],
    ["zh-CN", "zh-CN"],
    ["zh_cn", "zh-CN"],
    ["zh-Hans", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh-TW", undefined],
    ["zh-Hant", undefined],
    ["fr", undefined],
    ["", undefined],
  ])("matches %s to %s", (tag, locale) => expect(matchLocale(tag)).toBe(locale));

  it("ui_locales (OIDC Core §3.1.2.1): space-separated, in order of preference", () => {
    expect(localeFromUiLocales("fr-CA zh-CN en")).toBe("zh-CN");
    expect(localeFromUiLocales("de fr")).toBeUndefined();
    expect(localeFromUiLocales("")).toBeUndefined();
  });

  it("Accept-Language (RFC 9110 §12.5.4): by weight, q=0 refused, order breaks ties", () => {
    expect(localeFromAcceptLanguage("fr;q=0.9, zh-CN;q=0.8, en;q=0.7")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en;q=0.5, zh;q=0.6")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh-CN;q=0, en")).toBe("en");
    expect(localeFromAcceptLanguage("zh, en")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("*")).toBeUndefined();
    expect(localeFromAcceptLanguage("zh;q=abc")).toBeUndefined();
    expect(localeFromAcceptLanguage("x".repeat(5000))).toBeUndefined();
  });

  it("ui_locales, then the cookie, then Accept-Language, then English", () => {
    expect(resolveLocale({ uiLocales: "zh-CN", cookie: "en", acceptLanguage: "en" })).toBe("zh-CN");
    expect(resolveLocale({ uiLocales: "de", cookie: "zh-CN", acceptLanguage: "en" })).toBe("zh-CN");
    expect(resolveLocale({ cookie: "xx", acceptLanguage: "zh-CN" })).toBe("zh-CN");
    expect(resolveLocale({ cookie: "__proto__" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });
});
