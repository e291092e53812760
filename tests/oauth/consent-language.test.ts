import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { setupSeededDatabase } from "../fixtures/db";
import { createClient } from "../fixtures/oauth-fixtures";
import {
  authorize,
  authorizeUrl,
  CLI,
  consentPage,
  decide,
  grantWith,
  ISSUER,
  provisionCli,
  signedIn,
} from "../fixtures/consent-flow";

/**
 * The protocol pages' language (issue 14): the page's own switch (`?lang=`), then the authorization
 * request's ui_locales (OIDC Core §3.1.2.1), then the switch's cookie, then Accept-Language, then
 * English; `<html lang>` on every page, and the language switch (plain forms, no script).
 */
const db = setupSeededDatabase();

const ENGLISH = { "accept-language": "en-US,en;q=0.9" };
const CHINESE_COOKIE = { cookie: "ram_locale=zh-CN" };
const htmlLang = (html: string) => /^<!doctype html><html lang="([^"]+)">/.exec(html)?.[1];

/** An application of the isv account whose provider wrote an English name and description. */
async function app(scopes?: string[]) {
  const created = await createClient(db().db, "WebApp", scopes);
  await db()
    .db.update(s.applications)
    .set({ name: "Insight Dashboard", description: "Dashboards for your cloud costs." })
    .where(eq(s.applications.id, created.id));
  return created;
}

describe(`the protocol pages' language on ${process.env.TEST_DB}`, () => {
  it("ui_locales=zh-CN answers Chinese for a signed-in session whose browser prefers English", async () => {
    const client = await app(["openid", "profile", "/acs/ram"]);
    const admin = await signedIn(db().db, "admin@acme");
    const { requestId } = await authorize(
      admin,
      authorizeUrl(client, { scope: "openid profile", ui_locales: "zh-CN" }),
      ENGLISH,
    );
    const page = await consentPage(admin, requestId!, { headers: ENGLISH });
    expect(page.status).toBe(200);
    expect(htmlLang(page.html)).toBe("zh-CN");
    expect(page.html).toContain("<title>授权 Insight Dashboard · RAM 访问控制</title>");
    expect(page.html).toContain("<h1>授权 Insight Dashboard</h1>");
    expect(page.html).toContain("<legend>必选授权范围</legend>");
    // Our scopes from the scope catalog, in Chinese; the provider's words as written.
    expect(page.html).toContain("基本信息");
    expect(page.html).toContain("您的显示名称和登录名称。");
    expect(page.html).toContain("Dashboards for your cloud costs.");
    expect(page.html).toContain("<dt>提供方</dt><dd>isv</dd>");
    expect(page.html).toContain("授权后，应用将安装到账号 acme：");
    expect(page.html).toMatch(/<button class="button" [^>]*value="cancel"[^>]*>取消<\/button>/);
    expect(page.html).toMatch(/<button class="button primary" [^>]*value="grant"[^>]*>授权<\/button>/);
    expect(page.html).not.toContain("Required scope");
    expect(page.html).not.toMatch(/<script\b/i);
    // The decision's own pages answer in the page's language.
    expect(page.html).toContain('<input type="hidden" name="lang" value="zh-CN"/>');
  });

  it("ui_locales is a list in order of preference: the first language we have wins", async () => {
    const client = await app();
    const admin = await signedIn(db().db, "admin@acme");
    const { requestId } = await authorize(admin, authorizeUrl(client, { scope: "openid", ui_locales: "fr zh-CN en" }));
    expect(htmlLang((await consentPage(admin, requestId!, { headers: ENGLISH })).html)).toBe("zh-CN");
    const none = await authorize(admin, authorizeUrl(client, { scope: "openid", ui_locales: "fr de" }));
    expect(htmlLang((await consentPage(admin, none.requestId!, { headers: ENGLISH })).html)).toBe("en");
  });

  it("a language chosen on the way (the sign-in page's switch, `lang`) goes on to the consent page and outranks ui_locales", async () => {
    const client = await app();
    const admin = await signedIn(db().db, "admin@acme");
    const chosen = await authorize(admin, authorizeUrl(client, { scope: "openid", ui_locales: "zh-CN", lang: "en" }));
    expect(chosen.location).toMatch(/^\/oauth2\/consent\/[^/?]+\?lang=en$/);
    const id = chosen.location.slice("/oauth2/consent/".length).split("?")[0]!;
    const page = await consentPage(admin, id, { query: "lang=en", headers: CHINESE_COOKIE });
    expect(htmlLang(page.html)).toBe("en");
    // Anything but a language we speak is not carried.
    const other = await authorize(admin, authorizeUrl(client, { scope: "openid", ui_locales: "zh-CN", lang: "fr" }));
    expect(other.location).toMatch(/^\/oauth2\/consent\/[^/?]+$/);
  });

  it("without ui_locales the cookie decides, then Accept-Language, then English", async () => {
    const client = await app();
    const admin = await signedIn(db().db, "admin@acme");
    const { requestId } = await authorize(admin, authorizeUrl(client, { scope: "openid" }));
    const byCookie = await consentPage(admin, requestId!, { headers: { ...ENGLISH, ...CHINESE_COOKIE } });
    expect(htmlLang(byCookie.html)).toBe("zh-CN");
    expect(byCookie.html).toContain("<h1>授权 Insight Dashboard</h1>");
    const byHeader = await consentPage(admin, requestId!, {
      headers: { "accept-language": "zh-CN,zh;q=0.9,en;q=0.5" },
    });
    expect(htmlLang(byHeader.html)).toBe("zh-CN");
    const english = await consentPage(admin, requestId!, { headers: { cookie: "ram_locale=en" } });
    expect(htmlLang(english.html)).toBe("en");
    expect(english.html).toContain("<h1>Authorize Insight Dashboard</h1>");
    const neither = await consentPage(admin, requestId!);
    expect(htmlLang(neither.html)).toBe("en");
    // ui_locales outranks the cookie.
    const asked = await authorize(admin, authorizeUrl(client, { scope: "openid", ui_locales: "en" }));
    expect(htmlLang((await consentPage(admin, asked.requestId!, { headers: CHINESE_COOKIE })).html)).toBe("en");
  });

  it("the page's language switch: plain forms to /api/locale coming back with ?lang=, which outranks ui_locales", async () => {
    const client = await app();
    const admin = await signedIn(db().db, "admin@acme");
    const { requestId } = await authorize(admin, authorizeUrl(client, { scope: "openid", ui_locales: "zh-CN" }));
    const zh = (await consentPage(admin, requestId!)).html;
    expect(zh).toContain('<div class="lang" role="group" aria-label="语言">');
    const forms = [...zh.matchAll(/<form action="\/api\/locale" method="post">(.*?)<\/form>/g)].map((m) => m[1]);
    expect(forms).toEqual([
      `<input type="hidden" name="back" value="/oauth2/consent/${requestId}?lang=en"/><button type="submit" value="en" lang="en" aria-pressed="false" name="locale">English</button>`,
      `<input type="hidden" name="back" value="/oauth2/consent/${requestId}?lang=zh-CN"/><button type="submit" value="zh-CN" lang="zh-CN" aria-pressed="true" name="locale">简体中文</button>`,
    ]);
    const en = await consentPage(admin, requestId!, { query: "lang=en", headers: CHINESE_COOKIE });
    expect(htmlLang(en.html)).toBe("en");
    expect(en.html).toContain("<h1>Authorize Insight Dashboard</h1>");
    expect(en.html).toContain('value="en" lang="en" aria-pressed="true" name="locale">English</button>');
    expect(en.html).toContain('<input type="hidden" name="lang" value="en"/>');
    // Anything else in `lang` is ignored.
    expect(htmlLang((await consentPage(admin, requestId!, { query: "lang=fr" })).html)).toBe("zh-CN");
  });

  it("the ask-an-administrator and not-assigned pages in Chinese; the application still hears English", async () => {
    const client = await app();
    const alice = await signedIn(db().db, "alice@acme");
    const { requestId } = await authorize(alice, authorizeUrl(client, { scope: "openid", ui_locales: "zh-CN" }));
    const page = await consentPage(alice, requestId!, { headers: ENGLISH });
    expect(htmlLang(page.html)).toBe("zh-CN");
    expect(page.html).toContain("<h1>请管理员授权 Insight Dashboard</h1>");
    expect(page.html).toContain("Insight Dashboard 尚未安装到账号 acme。");
    expect(page.html).toContain('<ul aria-label="管理员">');
    expect(page.html).toContain("返回 Insight Dashboard</button>");
    // Back: the application's error_description stays English (RFC 6749 §4.1.2.1, §5.2).
    const back = await decide(alice, requestId!, [
      ["decision", "cancel"],
      ["lang", "zh-CN"],
    ]);
    expect(back.status).toBe(303);
    expect(new URL(back.headers.get("location")!).searchParams.get("error_description")).toMatch(
      /^The application is not installed in this account/,
    );

    await provisionCli(db().db, "acme", [], []);
    const bob = await signedIn(db().db, "bob@acme");
    const cli = await authorize(bob, authorizeUrl(CLI, { ui_locales: "zh-CN" }));
    const refused = await consentPage(bob, cli.requestId!);
    expect(refused.html).toContain("<h1>您无法使用 Official CLI</h1>");
    expect(refused.html).toContain("请联系此账号的管理员，将您（或您所在的用户组）分配到此应用。");
    expect(refused.html).toContain("（官方应用）");
  });

  it("the 410 page in the request's language, and in the cookie's for an unknown request", async () => {
    const client = await app();
    const alice = await signedIn(db().db, "alice@acme");
    const { requestId } = await authorize(alice, authorizeUrl(client, { scope: "openid", ui_locales: "zh-CN" }));
    await decide(alice, requestId!, [["decision", "cancel"]]);
    const gone = await consentPage(alice, requestId!, { headers: ENGLISH });
    expect(gone.status).toBe(410);
    expect(htmlLang(gone.html)).toBe("zh-CN");
    expect(gone.html).toContain("<h1>此授权请求已失效</h1>");
    expect(gone.html).toContain('<a class="button" href="/">前往 RAM 控制台</a>');
    // Its switch comes back to the same page.
    expect(gone.html).toContain(`value="/oauth2/consent/${requestId}?lang=en"`);
    expect(htmlLang((await consentPage(alice, requestId!, { query: "lang=en" })).html)).toBe("en");

    const unknown = await consentPage(alice, "no-such-request", { headers: CHINESE_COOKIE });
    expect(unknown.status).toBe(410);
    expect(unknown.html).toContain("<h1>此授权请求已失效</h1>");
    const malformed = await consentPage(alice, "%zz", { headers: CHINESE_COOKIE });
    expect(malformed.status).toBe(404);
    expect(malformed.html).toContain("<h1>此授权请求不存在</h1>");
  });

  it("error pages in Chinese: the authorization endpoint's, and the decision's in the language of the page it came from", async () => {
    const client = await app();
    const noRedirect = new URL(authorizeUrl(client, { ui_locales: "zh-CN" }));
    noRedirect.searchParams.delete("redirect_uri");
    const res = await authorizeEndpoint(new Request(noRedirect, { headers: ENGLISH }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(htmlLang(html)).toBe("zh-CN");
    expect(html).toContain("<h1>无法完成应用的登录请求</h1>");
    expect(html).toContain("请求中缺少 redirect_uri。");
    expect(html).toContain("错误：<code>invalid_request</code>");
    // Its switch comes back to the same request, as a GET, with `lang`.
    const back = /name="back" value="([^"]+lang=en)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
    expect(back).toMatch(/^\/oauth2\/authorize\?/);
    const switched = await authorizeEndpoint(new Request(new URL(back!, ISSUER)));
    expect(htmlLang(await switched.text())).toBe("en");
    // Accept-Language alone, without ui_locales.
    const unknown = await authorizeEndpoint(
      new Request(`${ISSUER}/oauth2/authorize?client_id=nobody&redirect_uri=x`, {
        headers: { "accept-language": "zh" },
      }),
    );
    expect(await unknown.text()).toContain("没有应用使用此 client_id。");

    await provisionCli(db().db, "globex", ["/acs/ram"], ["carol"]);
    const carol = await signedIn(db().db, "carol@globex");
    const { requestId } = await authorize(carol, authorizeUrl(CLI));
    const tampered = await decide(carol, requestId!, [...grantWith(["/acs/ram"]), ["lang", "zh-CN"]]);
    expect(tampered.status).toBe(400);
    const refusal = await tampered.text();
    expect(htmlLang(refusal)).toBe("zh-CN");
    expect(refusal).toContain("必选授权范围不能取消选择（openid、profile）。如需拒绝，请取消此授权请求。");
    expect(refusal).toContain(`value="/oauth2/consent/${requestId}?lang=en"`);
    const repeated = await decide(carol, requestId!, [
      ["decision", "grant"],
      ["decision", "grant"],
    ]);
    expect(await repeated.text()).toContain("The form sent decision more than once.");

    // The session ended: the sign-in page is offered in the page's language.
    const ended = await decide(null, requestId!, [...grantWith(["openid", "profile"]), ["lang", "zh-CN"]]);
    expect(ended.status).toBe(401);
    const endedHtml = await ended.text();
    expect(htmlLang(endedHtml)).toBe("zh-CN");
    expect(endedHtml).toContain("<h1>您的控制台会话已结束</h1>");
    expect(endedHtml).toContain(">重新登录</a>");
  });

  it("ui_locales goes through sign-in: the way back after a new sign-in keeps it", async () => {
    const client = await app();
    const alice = await signedIn(db().db, "alice@acme");
    const url = authorizeUrl(client, { scope: "openid", ui_locales: "zh-CN" });
    const { requestId } = await authorize(alice, url);
    const signedOut = await consentPage(null, requestId!);
    expect(signedOut.status).toBe(302);
    const callback = decodeURIComponent(signedOut.location!.slice("/signin?callbackUrl=".length));
    expect(new URL(callback, ISSUER).searchParams.get("ui_locales")).toBe("zh-CN");
    // Signed in again: the consent request made then speaks Chinese again.
    const again = await signedIn(db().db, "alice@acme");
    const resumed = await authorize(again, new URL(callback, ISSUER).toString());
    expect(htmlLang((await consentPage(again, resumed.requestId!, { headers: ENGLISH })).html)).toBe("zh-CN");
  });
});
