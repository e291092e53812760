import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInOverHttp, DEMO_PASSWORD } from "./fixtures/auth";
import { registerThirdPartyWebApp } from "./fixtures/apps";
import { authorizePath, OFFICIAL, pkce } from "./fixtures/official";

/**
 * The seed's steps in Simplified Chinese (issue 14): an application provider registers an application,
 * the demo administrator of acme installs it through the consent screen, sees it in the list and on
 * its page, deletes it; the owner of isv provisions OpenAPI MCP Server, assigns a RAM user, who
 * consents for themself. Each browser asks for zh-CN (Accept-Language, or the switch's cookie).
 *
 * Own data only, so that the other specs may run beside it: a new application of isv (the demo app
 * Insight Dashboard is installed and deleted by third-party-apps.spec and consent.spec), installed in
 * acme; OpenAPI MCP Server in isv (acme and globex have it from official-apps.spec and mcp.spec) with
 * a RAM user of isv made here.
 *
 * The consent screens' own words (namespace `consent`) are checked with expect.soft, and their
 * buttons pressed by their form value, so the console steps go on and the report lists each word.
 */

const LIST = "/integrations/oauth/third-party-apps";
const ENTERPRISE = "/integrations/oauth/enterprise-apps";
const CALLBACK = "http://127.0.0.1:8797/zh-callback";
const MCP = OFFICIAL.mcp;
const { challenge } = pkce("zh-cn-e2e-verifier-0123456789-abcdefghijklmnopqrstuvwxyz");
/** How long to wait for a word of the consent screen (checked softly). */
const SOFT = { timeout: 3_000 };

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Language = { acceptLanguage: "zh-CN" | "en-US"; cookie?: "zh-CN" | "en" };

/** A browser context signed in as `login`, asking for a language; the app's callback answered in the browser. */
async function personPage(browser: Browser, login: string, language: Language, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ locale: language.acceptLanguage, timezoneId: "Asia/Shanghai" });
  if (language.cookie) await context.addCookies([{ name: "ram_locale", value: language.cookie, url: baseURL }]);
  const page = await context.newPage();
  await signInOverHttp(page.request, login);
  for (const callback of [CALLBACK, MCP.redirectUri])
    await page.route(`${new URL(callback).origin}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/plain", body: "callback" }),
    );
  return page;
}

const zhCN = { acceptLanguage: "zh-CN" } as const;

/** A success message (toast) with this text. */
const toast = (page: Page, text: string) => page.getByRole("region").getByRole("listitem").filter({ hasText: text });

const expectLang = (page: Page, lang: string) => expect(page.locator("html")).toHaveAttribute("lang", lang);

/** ActionDialog's OK. */
const pressOk = (dialog: ReturnType<Page["getByRole"]>) =>
  dialog.getByRole("button", { name: "确定", exact: true }).click();

/** The consent screen of `appName` in Chinese; the words of the screen itself are i18n-consent's. */
async function expectChineseConsent(page: Page, appName: string) {
  await expect(page.getByRole("heading", { level: 1 })).toContainText(appName);
  await expect.soft(page.locator("html"), "consent screen <html lang>").toHaveAttribute("lang", "zh-CN", SOFT);
  await expect.soft(page.getByRole("button", { name: "授权", exact: true }), "consent Grant").toBeVisible(SOFT);
  await expect.soft(page.getByRole("button", { name: "取消", exact: true }), "consent Cancel").toBeVisible(SOFT);
}

/** The decision buttons by their form value (decision = grant | cancel), in any language. */
const decide = (page: Page, decision: "grant" | "cancel") =>
  page.locator(`form[action="/oauth2/decision"] button[name="decision"][value="${decision}"]`).click();

/** A table of the page by its name: the heading of its section (TableSection). */
const sectionTable = (page: Page, heading: string) => page.getByRole("table", { name: heading, exact: true });

/** The Authorization Scope table as "scope|type|status" lines. */
async function scopeRows(page: Page) {
  const table = sectionTable(page, "授权范围");
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => {
      const cells = (r as HTMLTableRowElement).cells;
      return [cells[0]!.lastElementChild!.textContent, cells[2]!.textContent, cells[3]!.textContent].join("|");
    }),
  );
}

test("zh-CN: register an application, install it through consent, list, detail, Delete Application", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const name = `智能报表 ${unique()}`;
  let clientId = "";

  // The switch's cookie wins over the browser's English (resolveLocale: cookie, then Accept-Language).
  const provider = await personPage(
    browser,
    "owner@isv.example",
    { acceptLanguage: "en-US", cookie: "zh-CN" },
    baseURL!,
  );

  await test.step("创建应用: the form, the secret once, 应用OAuth范围 with 设为必选 / 取消必选", async () => {
    const page = provider;
    await page.goto(ENTERPRISE);
    await expectLang(page, "zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: "OAuth应用(公测)" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "应用名称" })).toBeVisible();
    await page.getByRole("link", { name: "创建应用" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "创建应用" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "基本信息" })).toBeVisible();
    await expect(page.getByRole("group", { name: "OAuth 协议版本" })).toBeVisible();
    await page.getByLabel("显示名称").fill(name);
    // By role: the OAuth 2.1 card's text says 回调地址 too.
    await page.getByRole("textbox", { name: "回调地址" }).fill(CALLBACK);
    await page.getByLabel("添加 aliuid").check();
    await page.getByRole("checkbox", { name: /^第三方应用/ }).check();
    await page.getByRole("button", { name: "确定", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "应用已创建" });
    await expect(dialog).toContainText("它不会再次显示");
    await expect(dialog.getByLabel("应用密钥")).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole("button", { name: "关闭" }).click();
    await expect(toast(page, `已创建应用 ${name}。`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    clientId = page.url().split("/").pop()!.split("?")[0]!;
    expect(clientId).toMatch(/^4\d{18}$/);

    await expect(page.getByRole("link", { name: "应用OAuth范围" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("访问令牌有效期")).toBeVisible();
    await expect(page.getByText("3600 秒（1 小时）")).toBeVisible();
    await expect(page.getByRole("row", { name: /^openid / })).toContainText("默认授权范围");
    const aliuid = page.getByRole("row", { name: /^aliuid / });
    await expect(aliuid).toContainText("阿里云 UID");
    await expect(aliuid).toContainText("可选");
    await aliuid.getByRole("button", { name: "设为必选" }).click();
    await expect(toast(page, "范围 aliuid 已设为必选。")).toBeVisible();
    await expect(aliuid.getByRole("button", { name: "取消必选" })).toBeVisible();
    await expect(aliuid).toContainText("必选");
    await aliuid.getByRole("button", { name: "取消必选" }).click();
    await expect(toast(page, "范围 aliuid 已设为可选。")).toBeVisible();
    await expect(aliuid.getByRole("button", { name: "设为必选" })).toBeVisible();
    await page.getByRole("link", { name: "应用密钥" }).click();
    await expect(page.getByRole("button", { name: "创建密钥" })).toBeVisible();
  });

  const admin = await personPage(browser, "admin@acme.onaliyun.com", zhCN, baseURL!);

  await test.step("the consent screen in Chinese; Grant installs it in acme", async () => {
    const page = admin;
    await page.goto(
      authorizePath({ clientId, redirectUri: CALLBACK }, { scope: "openid profile aliuid", state: "zh", challenge }),
    );
    await expectChineseConsent(page, name);
    await decide(page, "grant");
    await expect(page).toHaveURL(/127\.0\.0\.1:8797\/zh-callback\?code=/);
  });

  await test.step("第三方应用: the list", async () => {
    const page = admin;
    await page.goto(LIST);
    await expectLang(page, "zh-CN");
    await expect(page).toHaveTitle(/第三方应用/);
    await expect(page.getByRole("heading", { level: 1, name: "OAuth应用(公测)" })).toBeVisible();
    await expect(page.getByRole("table", { name: "第三方应用" })).toBeVisible();
    for (const header of ["应用名称", "应用ID", "创建时间", "更新时间", "最近使用时间", "使用人数"])
      await expect(page.getByRole("columnheader", { name: header })).toBeVisible();
    await expect(page.getByRole("button", { name: "开通官方应用" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "操作" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "OAuth应用" });
    await expect(tabs.getByRole("link", { name: "企业应用" })).toBeVisible();
    await expect(tabs.getByRole("link", { name: "第三方应用" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("navigation", { name: "控制台" })).toContainText("集成管理");
    await expect(page.getByRole("navigation", { name: "面包屑导航" })).toContainText("OAuth应用(公测)");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell", { name: clientId })).toBeVisible();
  });

  await test.step("the detail page: 授权范围 with 必选 / 可选, 已授权 / 未授权", async () => {
    const page = admin;
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.locator("dt:has-text('提供方') + dd")).toHaveText("isv");
    await expect(page.locator("dt:has-text('安装人') + dd")).toContainText("（授权同意）");
    await expect(page.locator("dt:has-text('创建时间') + dd time")).toBeVisible();
    await expect(page.getByText("此应用在此账号中可以访问的内容。")).toBeVisible();
    expect(await scopeRows(page)).toEqual(["openid|必选|已授权", "profile|必选|已授权", "aliuid|可选|未授权"]);
    await expect(sectionTable(page, "授权范围")).toContainText("阿里云 UID");
  });

  await test.step("删除应用: the confirmation, then gone from the list", async () => {
    const page = admin;
    await page.goto(LIST);
    await page.getByRole("searchbox", { name: "按应用名称或应用ID搜索" }).fill(name);
    await page.getByRole("searchbox").press("Enter");
    // A plain GET form: wait for the new page before pressing its buttons.
    await page.waitForURL(/\?search=/);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
    await row.getByRole("button", { name: "删除应用" }).click();
    const dialog = page.getByRole("alertdialog", { name: "删除应用" });
    await expect(dialog).toContainText(`确定从此账号中删除 ${name}（ID ${clientId}）吗？`);
    await expect(dialog).toContainText("如需再次使用，必须重新授权。");
    await dialog.getByRole("button", { name: "删除应用" }).click();
    await expect(dialog).toBeHidden();
    await expect(toast(page, `已删除应用 ${name}。`)).toBeVisible();
    await expect(page.getByText("没有与搜索条件匹配的已安装应用。")).toBeVisible();
    expect((await page.request.get(`/api/v1/third-party-apps/${clientId}`)).status()).toBe(404);
  });

  expect((await provider.request.delete(`/api/v1/apps/${clientId}`)).status()).toBe(204);
  await provider.context().close();
  await admin.context().close();
});

test("zh-CN: 开通官方应用 OpenAPI MCP Server, 创建授权分配, and the person's consent", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const owner = await personPage(browser, "owner@isv.example", zhCN, baseURL!);
  const userName = `zh-${unique()}`;
  const made = await owner.request.post("/api/v1/users", {
    data: { name: userName, displayName: "张伟", password: DEMO_PASSWORD },
  });
  expect(made.status()).toBe(201);
  const logonName = `${userName}@isv.onaliyun.com`;

  await test.step("开通官方应用 with its optional scope", async () => {
    await owner.goto(LIST);
    await owner.getByRole("button", { name: "开通官方应用" }).click();
    const dialog = owner.getByRole("dialog", { name: "开通官方应用" });
    await expect(dialog).toContainText("官方应用可为整个账号开通。");
    const mcp = owner.getByRole("radio", { name: new RegExp(MCP.name) });
    await mcp.check();
    // The scope line of each card: catalog titles in Chinese, listed with 、 (Intl.ListFormat).
    const card = dialog.locator("label").filter({ has: mcp });
    for (const part of ["授权范围：", "OpenID（必选）", "OpenAPI MCP Server（必选）", "基本信息", "、"])
      await expect(card).toContainText(part);
    await expect(dialog.getByText(`${MCP.name} 的可选授权范围`)).toBeVisible();
    await dialog.getByRole("checkbox", { name: /基本信息/ }).check();
    await pressOk(dialog);
    await expect(dialog).toHaveCount(0);
    await expect(toast(owner, `已开通应用 ${MCP.name}。`)).toBeVisible();
    await expect(owner.getByRole("row").filter({ hasText: MCP.name })).toContainText("已开通");
  });

  await test.step("授权分配: the official application's page, then 创建授权分配", async () => {
    await owner.getByRole("link", { name: MCP.name }).click();
    await expect(owner.getByRole("heading", { level: 1, name: MCP.name })).toBeVisible();
    await expect(owner.locator("dt:has-text('应用类型') + dd")).toContainText("官方");
    await expect(owner.locator("dt:has-text('安装人') + dd")).toContainText("（开通）");
    const assignments = sectionTable(owner, "授权分配");
    await expect(assignments).toContainText("尚未分配任何人：目前没有人可以使用此应用。");
    expect(await scopeRows(owner)).toEqual([
      "openid|必选|已授权",
      "/acs/mcp-server|必选|已授权",
      "profile|可选|已授权",
      "permissions|可选|未授权",
    ]);
    await owner.getByRole("button", { name: "创建授权分配" }).click();
    const dialog = owner.getByRole("dialog", { name: "创建授权分配" });
    await dialog.getByLabel("搜索用户和用户组").fill(userName);
    await dialog.getByRole("checkbox", { name: new RegExp(logonName) }).check();
    await pressOk(dialog);
    await expect(toast(owner, "已创建 1 个授权分配。")).toBeVisible();
    const row = assignments.getByRole("row").filter({ hasText: logonName });
    await expect(row).toContainText("RAM 用户");
    await expect(row).toContainText("张伟");
    await expect(row.getByRole("button", { name: "删除授权分配" })).toBeVisible();
  });

  await test.step("the assigned RAM user consents for themself, in Chinese", async () => {
    const person = await personPage(browser, logonName, zhCN, baseURL!);
    await person.goto(authorizePath(MCP, { scope: "openid /acs/mcp-server profile", state: "zh-mcp", challenge }));
    await expectChineseConsent(person, MCP.name);
    await decide(person, "grant");
    await expect(person).toHaveURL(/127\.0\.0\.1:8766\/callback\?code=/);
    await person.context().close();
  });
  await owner.context().close();
});

test("the top bar's language switch: 简体中文, then English, on the same page", async ({ browser, baseURL }) => {
  const page = await personPage(browser, "admin@acme.onaliyun.com", { acceptLanguage: "en-US" }, baseURL!);
  await page.goto(`${LIST}?search=zz`);
  await expectLang(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "OAuth (Preview)" })).toBeVisible();

  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page).toHaveURL(`${LIST}?search=zz`);
  await expectLang(page, "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "OAuth应用(公测)" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "按应用名称或应用ID搜索" })).toHaveValue("zz");
  await expect(page.getByRole("button", { name: "简体中文" })).toHaveAttribute("aria-pressed", "true");
  const cookie = (await page.context().cookies()).find((c) => c.name === "ram_locale");
  expect(cookie?.value).toBe("zh-CN");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(`${LIST}?search=zz`);
  await expectLang(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "OAuth (Preview)" })).toBeVisible();
  await page.context().close();
});

test("ui_locales=zh-CN shows the consent screen in Chinese to a browser that prefers English", async ({
  browser,
  baseURL,
}) => {
  const provider = await personPage(browser, "owner@isv.example", { acceptLanguage: "en-US" }, baseURL!);
  const name = `UI Locales ${unique()}`;
  const clientId = await registerThirdPartyWebApp(provider.request, {
    name,
    redirectUri: CALLBACK,
    scopes: [{ scope: "profile", required: true }],
  });
  const path = authorizePath({ clientId, redirectUri: CALLBACK }, { scope: "openid profile", state: "ui", challenge });

  const page = await personPage(browser, "admin@acme.onaliyun.com", { acceptLanguage: "en-US" }, baseURL!);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expectLang(page, "en");
  await expect(page.getByRole("button", { name: "Grant", exact: true })).toBeVisible();

  await page.goto(`${path}&ui_locales=${encodeURIComponent("zh-CN en")}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expectLang(page, "zh-CN");
  await expect(page.getByRole("button", { name: "授权", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "取消", exact: true })).toBeVisible();
  await decide(page, "cancel");
  await expect(page).toHaveURL(/127\.0\.0\.1:8797\/zh-callback\?error=access_denied/);

  expect((await provider.request.delete(`/api/v1/apps/${clientId}`)).status()).toBe(204);
  await page.context().close();
  await provider.context().close();
});
