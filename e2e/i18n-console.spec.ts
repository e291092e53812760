import { expect, test, type Page } from "@playwright/test";
import { signInOverHttp } from "./fixtures/auth";

// The console in Simplified Chinese: the words of the chrome (navigation, breadcrumbs, top bar,
// tables, dialogs, toasts) and of the identity pages come from the zh-CN catalog, <html lang> says so,
// and the language is chosen by the switch's cookie, then Accept-Language, then English.

/** A toast in the Chinese notifications region (e2e/fixtures/toast.ts is the English one). */
const toast = (page: Page, text: string) =>
  page.getByRole("region", { name: /^通知/ }).getByRole("listitem").filter({ hasText: text });

/** Chooses the language as the switch does (POST /api/locale sets the cookie, then 303). */
async function choose(page: Page, locale: "en" | "zh-CN") {
  const res = await page.request.post("/api/locale", { form: { locale, back: "/" }, maxRedirects: 0 });
  expect(res.status()).toBe(303);
}

test.describe("with the language switch's cookie set to zh-CN", () => {
  test.beforeEach(async ({ page }) => {
    await choose(page, "zh-CN");
    await signInOverHttp(page.request, "admin@acme.onaliyun.com");
  });

  test("the navigation, the breadcrumbs, the list and <html lang> are in Chinese", async ({ page }) => {
    await page.goto("/identities/groups");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page).toHaveTitle(/^用户组/);
    await expect(page.getByRole("heading", { name: "用户组", level: 1 })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "控制台" });
    for (const word of ["概览", "身份管理", "用户", "用户组", "角色", "权限管理", "权限策略", "集成管理"])
      await expect(nav.getByText(word, { exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "OAuth应用(公测)" })).toBeVisible();
    const crumbs = page.getByRole("navigation", { name: "面包屑导航" }).getByRole("listitem");
    await expect(crumbs).toHaveText(["RAM 访问控制", "/身份管理", "/用户组"]);
    const table = page.getByRole("table");
    for (const header of ["用户组名称", "备注", "创建时间", "操作"])
      await expect(table.getByRole("columnheader", { name: header })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "分页" })).toContainText(/共 \d+ 条 · 第 1\/\d+ 页/);
    await expect(page.getByRole("button", { name: "搜索" })).toBeVisible();
  });

  test("a list page streams its loading state in Chinese; an unknown page is 页面不存在", async ({ page }) => {
    const list = await page.request.get("/identities/users");
    expect(await list.text()).toContain("加载中…");
    const missing = await page.goto("/identities/groups/00000000-0000-4000-8000-000000000000");
    expect(missing!.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  });

  test("creating and deleting a user group: dialog, fields, buttons and toasts in Chinese", async ({ page }) => {
    const name = `zh-${Date.now()}`;
    await page.goto("/identities/groups");
    await page.getByRole("button", { name: "创建用户组" }).click();
    const create = page.getByRole("dialog", { name: "创建用户组" });
    await create.getByLabel("用户组名称").fill(name);
    await create.getByLabel("备注").fill("中文测试");
    await expect(create.getByRole("button", { name: "取消" })).toBeVisible();
    await create.getByRole("button", { name: "确定" }).click();
    await expect(toast(page, `已创建用户组 ${name}。`)).toBeVisible();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "基本信息" })).toBeVisible();
    // Two sections with Chinese titles: each table is named by its own heading.
    await expect(page.getByRole("table", { name: "组成员" })).toContainText("该用户组暂无组成员。");
    await expect(page.getByRole("table", { name: "权限管理" })).toContainText("暂无已授予的权限策略。");
    await expect(page.getByRole("button", { name: "添加组成员" })).toBeVisible();
    await expect(page.getByRole("button", { name: "新增授权" })).toBeVisible();

    await page.getByRole("button", { name: "删除用户组" }).click();
    const confirm = page.getByRole("alertdialog", { name: "删除用户组" });
    await expect(confirm).toContainText(`确定删除用户组 ${name} 吗？`);
    await confirm.getByRole("button", { name: "删除用户组" }).click();
    await expect(page).toHaveURL(/\/identities\/groups$/);
    await expect(toast(page, `已删除用户组 ${name}。`)).toBeVisible();
  });

  test("the policies page shows the system policies' descriptions in Chinese", async ({ page }) => {
    await page.goto("/permissions/policies");
    await expect(page.getByRole("heading", { name: "权限策略", level: 1 })).toBeVisible();
    const row = page.getByRole("row", { name: /AliyunRAMFullAccess/ });
    await expect(row).toContainText("系统策略");
    await expect(row).toContainText("管理访问控制（RAM）的权限，即管理用户以及授权的权限");
  });

  test("the top bar's switch goes to English and back, on the same page", async ({ page }) => {
    await page.goto("/permissions/policies?x=1");
    const switcher = page.getByRole("form", { name: "语言" });
    await expect(switcher.getByRole("button", { name: "简体中文" })).toHaveAttribute("aria-pressed", "true");
    await switcher.getByRole("button", { name: "English" }).click();
    await expect(page).toHaveURL(/\/permissions\/policies\?x=1$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Policies", level: 1 })).toBeVisible();
    await page.getByRole("form", { name: "Language" }).getByRole("button", { name: "简体中文" }).click();
    await expect(page.getByRole("heading", { name: "权限策略", level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });
});

test.describe("without the cookie", () => {
  test.use({ locale: "zh-CN" });

  test("Accept-Language zh-CN gives Chinese; the cookie set to en wins over it", async ({ page }) => {
    await signInOverHttp(page.request, "admin@acme.onaliyun.com");
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "概览", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "我的身份" })).toBeVisible();
    await choose(page, "en");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  });
});
