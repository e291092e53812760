import { describe, expect, it } from "vitest";
import { pageLocale } from "@/lib/i18n/page-locale";
import { switchTarget } from "@/lib/i18n/switch-target";

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
    // Repeated, it is no choice; the callback may be an absolute URL of the console.
    expect(pageLocale({ path: signIn(authorize("zh-CN"), "&lang=en&lang=en"), cookie: "en" })).toBe("zh-CN");
    expect(pageLocale({ path: signIn(`http://localhost:3000${authorize("zh-CN")}`), cookie: "en" })).toBe("zh-CN");
  });
});

describe("where a language switch comes back to", () => {
  it("the sign-in and protocol pages with ?lang=, other pages as they are", () => {
    expect(switchTarget("/signin?callbackUrl=%2F&lang=zh-CN", "en")).toBe("/signin?callbackUrl=%2F&lang=en");
    expect(switchTarget("/oauth2/consent/abc#top", "zh-CN")).toBe("/oauth2/consent/abc?lang=zh-CN#top");
    expect(switchTarget("/identities/users?search=a", "zh-CN")).toBe("/identities/users?search=a");
    expect(switchTarget("/signing", "en")).toBe("/signing");
  });

  it("never to another host, whatever it is given", () => {
    expect(switchTarget("/oauth2/..//evil.example", "en")).toBe("/");
    expect(switchTarget("/signin/..//evil.example/x", "en")).toBe("/");
  });
});
