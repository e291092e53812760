import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { signInEndpoint } from "@/lib/auth/sign-in";
import type { Locale } from "@/lib/i18n/locales";
import { catalogs } from "@/lib/i18n/messages";
import { translatorFor } from "@/lib/i18n/translator";

/** The sign-in and first-run pages, and the sign-in endpoint's messages, in the request's language (issue 14). */
const page = vi.hoisted(() => ({ locale: "zh-CN" as "en" | "zh-CN", path: "/signin", setupOpen: false }));

vi.mock("next-intl/server", async () => {
  const { nextIntlServer } = await import("../fixtures/next-intl-server");
  return {
    getLocale: async () => page.locale,
    getTranslations: async (namespace?: string) => nextIntlServer(page.locale).getTranslations(namespace),
  };
});
vi.mock("next/headers", async (original) => ({
  ...(await original<typeof import("next/headers")>()),
  headers: async () => new Headers({ "x-pathname": page.path }),
  cookies: async () => new Map(),
}));
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  connection: async () => {},
}));
vi.mock("@/lib/auth/current", () => ({ getCurrentPrincipal: async () => null }));
vi.mock("@/lib/setup/setup-state", () => ({ isSetupOpen: async () => page.setupOpen }));

const ISSUER = "http://localhost:3000";

/** The sign-in page for `query`, rendered as the root layout's provider would (the form is a client component). */
async function signInPage(locale: Locale, query: Record<string, string>) {
  page.locale = locale;
  page.path = `/signin?${new URLSearchParams(query)}`;
  const { default: SignInPage } = await import("@/app/(auth)/signin/page");
  const element = (await SignInPage({ searchParams: Promise.resolve(query) })) as ReactElement;
  return renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale, messages: catalogs[locale], timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>,
      element,
    ),
  );
}

function post(fields: [string, string][], headers: Record<string, string>): Promise<Response> {
  return signInEndpoint(
    new Request(`${ISSUER}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

describe("sign-in in the request's language", () => {
  it("the page: every word from the signIn catalog, the error of the last attempt, the language switch", async () => {
    const html = await signInPage("zh-CN", { error: "CredentialsSignin", callbackUrl: "/identities/users" });
    expect(html).toContain("登录 RAM 控制台");
    expect(html).toContain("登录名称或密码错误。");
    expect(html).toContain(">登录名称或邮箱</label>");
    expect(html).toContain(">密码</label>");
    expect(html).toContain("RAM 用户使用 <code>name@alias.onaliyun.com</code> 登录。");
    expect(html).not.toMatch(/>(?:Sign in|Password|Logon name or e-mail)</);
    // The switch comes back to this page, callback and message included.
    expect(html).toMatch(/<form [^>]*aria-label="语言" action="\/api\/locale" method="post">/);
    expect(html).toContain(
      `<input type="hidden" name="back" value="/signin?error=CredentialsSignin&amp;callbackUrl=%2Fidentities%2Fusers"/>`,
    );
    expect(html).toMatch(/value="zh-CN" lang="zh-CN" aria-pressed="true"[^>]*>简体中文<\/button>/);

    // The language chosen with the switch is a field of the form, which carries it on.
    expect(html).not.toContain('name="lang"');
    const chosen = await signInPage("en", { callbackUrl: "/oauth2/authorize?ui_locales=zh-CN", lang: "en" });
    expect(chosen).toContain('<input type="hidden" name="lang" value="en"/>');
    expect(await signInPage("en", { lang: "fr" })).not.toContain('name="lang"');
    // Credentials in the URL are dropped by a redirect that keeps the chosen language.
    const dropped = signInPage("en", { login: "a", password: "b", callbackUrl: "/", lang: "en" });
    await expect(dropped).rejects.toMatchObject({ digest: expect.stringContaining("/signin?callbackUrl=%2F&lang=en") });

    const english = await signInPage("en", { missing: "password" });
    expect(english).toContain("Sign in to the RAM console");
    expect(english).toContain("Enter your password.");
    expect(english).toMatch(/<button[^>]*type="submit"[^>]*>Sign in<\/button>/);
  });

  it("other clients get the endpoint's messages in their language (cookie, then Accept-Language)", async () => {
    const chinese = { "accept-language": "zh-CN,zh;q=0.9" };
    const missing = await post([["login", "alice@acme.onaliyun.com"]], chinese);
    expect(await missing.json()).toEqual({ error: "invalid_request", message: "请输入密码。", missing: ["password"] });
    const both = await post([["login", " "]], { cookie: "ram_locale=zh-CN" });
    expect(((await both.json()) as { message: string }).message).toBe("请输入登录名称或邮箱。请输入密码。");
    const english = await post([["login", " "]], { "accept-language": "en" });
    expect(((await english.json()) as { message: string }).message).toBe(
      "Enter your logon name or e-mail. Enter your password.",
    );
    const repeated = await post(
      [
        ["login", "a"],
        ["login", "b"],
      ],
      chinese,
    );
    expect([repeated.status, ((await repeated.json()) as { message: string }).message]).toEqual([
      400,
      "字段 login 被发送了多次。",
    ]);
  });

  it("the throttled message counts minutes with ICU plurals", () => {
    const t = translatorFor("en");
    expect(t("signIn.server.tooManyAttempts", { minutes: 1 })).toBe(
      "Too many sign-in attempts. Try again in 1 minute.",
    );
    expect(t("signIn.server.tooManyAttempts", { minutes: 15 })).toBe(
      "Too many sign-in attempts. Try again in 15 minutes.",
    );
    expect(translatorFor("zh-CN")("signIn.server.tooManyAttempts", { minutes: 15 })).toBe(
      "登录尝试次数过多。请在 15 分钟后重试。",
    );
  });

  it("the first-run page in Chinese, with its switch and the password hint's plural", async () => {
    page.locale = "zh-CN";
    page.path = "/setup";
    page.setupOpen = true;
    const { default: SetupPage } = await import("@/app/(auth)/setup/page");
    const html = renderToStaticMarkup((await SetupPage()) as ReactElement);
    page.setupOpen = false;
    expect(html).toContain("初始化 RAM 控制台");
    expect(html).toContain(">阿里云账号邮箱</label>");
    expect(html).toContain(">账号别名</label>");
    expect(html).toContain("至少 12 个字符。");
    expect(html).toContain(">创建账号</button>");
    expect(html).toContain('<input type="hidden" name="back" value="/setup"/>');
    expect(html).not.toMatch(/>(?:Owner e-mail|Password|Confirm password|Create account)</);
  });
});
