import { describe, expect, it } from "vitest";
import { pageLocale } from "@/lib/i18n/page-locale";

const signIn = (callbackUrl: string, extra = "") => `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}${extra}`;
const authorize = (uiLocales: string) => `/oauth2/authorize?client_id=app&ui_locales=${encodeURIComponent(uiLocales)}`;

describe("the language of a console page", () => {
  it("is the cookie, then Accept-Language, then English on console pages, whatever their query says", () => {
    expect(pageLocale({ path: "/identities/users", cookie: "zh-CN", acceptLanguage: "en" })).toBe("zh-CN");
    expect(pageLocale({ path: "/identities/users", acceptLanguage: "zh-CN,en;q=0.5" })).toBe("zh-CN");
    expect(pageLocale({ path: null })).toBe("en");
    expect(pageLocale({ path: `/identities/users?lang=zh-CN&ui_locales=zh-CN`, cookie: "en" })).toBe("en");
    expect(pageLocale({ path: `/signing?lang=zh-CN`, cookie: "en" })).toBe("en");
  });

  it("on the sign-in page of an authorization request: its ui_locales before the cookie (OIDC Core §3.1.2.1)", () => {
    expect(pageLocale({ path: signIn(authorize("zh-CN")), cookie: "en", acceptLanguage: "en" })).toBe("zh-CN");
    expect(pageLocale({ path: signIn(authorize("fr zh-Hans en")), cookie: "en" })).toBe("zh-CN");
    // Nothing we speak, repeated, or not an authorization request: the cookie decides.
    expect(pageLocale({ path: signIn(authorize("fr de")), cookie: "zh-CN" })).toBe("zh-CN");
    expect(pageLocale({ path: signIn(`${authorize("zh-CN")}&ui_locales=en`), cookie: "en" })).toBe("en");
    expect(pageLocale({ path: signIn("/identities/users?ui_locales=zh-CN"), cookie: "en" })).toBe("en");
  });

  it("on the sign-in page: the switch's lang before everything", () => {
    expect(pageLocale({ path: signIn(authorize("zh-CN"), "&lang=en"), cookie: "zh-CN" })).toBe("en");
    expect(pageLocale({ path: signIn("/", "&lang=zh-CN"), acceptLanguage: "en" })).toBe("zh-CN");
    expect(pageLocale({ path: signIn(authorize("zh-CN"), "&lang=fr"), cookie: "en" })).toBe("zh-CN");
  });
});
