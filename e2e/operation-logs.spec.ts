import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInOverHttp } from "./fixtures/auth";
import { expectAccessibleDialog, expectNoAxeViolations } from "./fixtures/axe";
import { OFFICIAL } from "./fixtures/official";
import { toast } from "./fixtures/toast";

// Operation logs (issue 16 item 1) and the revoke impact of Delete Application (item 3). Changes
// are made in globex only (a group, the retention setting, the Official CLI provisioned and deleted).
const LOGS = "/governance/operation-logs";
const GROUP = `logs-${Date.now() % 1_000_000}`;

async function personPage(browser: Browser, login: string, opts: { width?: number; locale?: string } = {}) {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1366, height: 900 },
    locale: opts.locale ?? "en-US",
  });
  const page = await context.newPage();
  await signInOverHttp(page.request, login);
  return page;
}

/** Nothing scrolls sideways but a table inside its frame. */
async function expectFits(page: Page, what: string) {
  const sizes = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: innerWidth }));
  expect(sizes.page, `${what} at ${sizes.viewport} px`).toBeLessThanOrEqual(sizes.viewport);
}

const table = (page: Page, name = "Operation logs") => page.getByRole("table", { name });

test("an administrator reads, filters, follows and exports the operation logs, and sets their retention", async ({
  browser,
}) => {
  const page = await personPage(browser, "admin@globex.onaliyun.com");
  expect((await page.request.post("/api/v1/groups", { data: { name: GROUP } })).status()).toBe(201);

  await page.goto("/");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Operation logs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Operation logs" })).toBeVisible();
  await expect(page.getByText("Operation logs are kept for 180 days, then deleted.")).toBeVisible();
  const created = table(page).getByRole("row").filter({ hasText: "Create User Group" }).first();
  await expect(created).toContainText("admin@globex.onaliyun.com");
  await expect(created).toContainText("RAM user");
  await expect(created).toContainText("Succeeded");
  const signIn = table(page).getByRole("row").filter({ hasText: "Sign In" }).first();
  await expect(signIn).toContainText("admin@globex.onaliyun.com");
  await expectNoAxeViolations(page, "the operation logs");

  await test.step("filter by action and person; the URL keeps the filters", async () => {
    await page.getByLabel("Action").selectOption({ label: "Create User Group" });
    await page.getByLabel("Actor").fill("ADMIN@globex.onaliyun.com");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/action=CreateGroup/);
    await expect(table(page).getByRole("row").filter({ hasText: "Sign In" })).toHaveCount(0);
    await expect(table(page).getByRole("link", { name: GROUP })).toBeVisible();
    await expectNoAxeViolations(page, "the operation logs, filtered");
  });

  await test.step("a refused filter is explained and kept in the form", async () => {
    await page.goto(`${LOGS}?from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z&actor=someone`);
    await expect(page.getByText("These filters cannot be used: The start must not be after the end.")).toBeVisible();
    await expect(page.getByLabel("Actor")).toHaveValue("someone");
    await page.getByRole("link", { name: "Reset" }).click();
    await expect(page).toHaveURL(new RegExp(`${LOGS}$`));
  });

  await test.step("Export CSV downloads the same filters", async () => {
    await page.getByLabel("Action").selectOption({ label: "Create User Group" });
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/action=CreateGroup/);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^operation-logs-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await page.request.get(`/api/v1/audit-events/export?action=CreateGroup`)).text();
    // A UTF-8 BOM first, so that spreadsheets read Chinese names right.
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFFtime,actor,actor_type,via_application,action,target_type,target_id,application,result,detail",
    );
    expect(text).toContain(GROUP);
    expect(text).not.toContain("SignIn");
  });

  await test.step("each row links to its target", async () => {
    await table(page).getByRole("link", { name: GROUP }).click();
    await expect(page.getByRole("heading", { level: 1, name: GROUP })).toBeVisible();
    await page.goBack();
  });

  await test.step("Retention Setting: a bad value is refused in the dialog, a good one is saved", async () => {
    await page.goto(LOGS);
    await expectAccessibleDialog(page, { open: "Retention Setting", name: "Operation log retention" });
    await page.getByRole("button", { name: "Retention Setting" }).click();
    const dialog = page.getByRole("dialog", { name: "Operation log retention" });
    await dialog.getByLabel("Keep operation logs for (days)").fill("0");
    await dialog.getByRole("button", { name: "OK" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Enter a whole number of days from 1 to 3650.");
    await expectNoAxeViolations(page, "the retention dialog with an error");
    await dialog.getByLabel("Keep operation logs for (days)").fill("90");
    await dialog.getByRole("button", { name: "OK" }).click();
    await expect(dialog).toBeHidden();
    await expect(toast(page, "Operation logs are now kept for 90 days.")).toBeVisible();
    await expect(page.getByText("Operation logs are kept for 90 days, then deleted.")).toBeVisible();
    await expect(table(page).getByRole("row").filter({ hasText: "Modify Log Retention" }).first()).toBeVisible();
  });
});

test("Delete Application says what stops, and the deletion is in the operation logs", async ({ browser }) => {
  const page = await personPage(browser, "owner@isv.example");
  // Cloud Shell in isv: no other spec installs it there (they use Official CLI and Cloud Shell in globex and acme).
  const cli = OFFICIAL.shell;
  expect((await page.request.post(`/api/v1/official-apps/${cli.clientId}/provision`, { data: {} })).status()).toBe(201);
  await page.goto("/integrations/oauth/third-party-apps");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: cli.name }) });
  await row.getByRole("button", { name: "Delete Application" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete Application" });
  const impact = dialog.getByTestId("delete-impact");
  await expect(impact).toContainText("What stops");
  await expect(impact).toContainText("Nobody has signed in to it yet");
  await expect(impact).toContainText("No live access token");
  await expect(impact).toContainText("No live refresh token");
  await expect(impact).toContainText("Never used");
  await expectNoAxeViolations(page, "the Delete Application dialog with its impact");

  const zh = await personPage(browser, "owner@isv.example", { locale: "zh-CN" });
  await zh.goto("/integrations/oauth/third-party-apps");
  const zhRow = zh.getByRole("row").filter({ has: zh.getByRole("link", { name: cli.name }) });
  await zhRow.getByRole("button", { name: "删除应用" }).click();
  const zhImpact = zh.getByRole("alertdialog", { name: "删除应用" }).getByTestId("delete-impact");
  await expect(zhImpact).toContainText("影响范围");
  await expect(zhImpact).toContainText("还没有人登录过该应用");
  await expect(zhImpact).toContainText("从未使用");
  await expectNoAxeViolations(zh, "the Delete Application dialog in Chinese");

  await dialog.getByRole("button", { name: "Delete Application" }).click();
  await expect(dialog).toBeHidden();

  await page.goto(`${LOGS}?clientId=${cli.clientId}`);
  const rows = table(page).getByRole("row");
  await expect(rows.filter({ hasText: "Delete Application" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Provision Official Application" }).first()).toContainText(cli.name);
});

test("readers see the logs without the setting; others are refused; both languages, phone width, no axe violations", async ({
  browser,
}) => {
  const bob = await personPage(browser, "bob@acme.onaliyun.com");
  await bob.goto(LOGS);
  await expect(table(bob)).toBeVisible();
  await expect(bob.getByRole("link", { name: "Export CSV" })).toBeVisible();
  await expect(bob.getByRole("button", { name: "Retention Setting" })).toHaveCount(0);

  const alice = await personPage(browser, "alice@acme.onaliyun.com");
  await alice.goto(LOGS);
  await expect(alice.getByText("You do not have permission to view this page.", { exact: false })).toBeVisible();
  await expect(table(alice)).toHaveCount(0);

  const zh = await personPage(browser, "admin@globex.onaliyun.com", { locale: "zh-CN" });
  await zh.goto(LOGS);
  await expect(zh.getByRole("heading", { level: 1, name: "操作日志" })).toBeVisible();
  await expect(table(zh, "操作日志").getByRole("columnheader", { name: "操作者" })).toBeVisible();
  await expect(table(zh, "操作日志").getByRole("row").filter({ hasText: "登录" }).first()).toContainText("成功");
  await expectNoAxeViolations(zh, "the operation logs in Chinese");
  await expectAccessibleDialog(zh, { open: "保留设置", name: "操作日志保留设置" });

  const phone = await personPage(browser, "admin@globex.onaliyun.com", { width: 390 });
  await phone.goto(LOGS);
  await expect(phone.getByRole("heading", { level: 1, name: "Operation logs" })).toBeVisible();
  await expectFits(phone, "the operation logs");
  await expectNoAxeViolations(phone, "the operation logs at 390 px");
});
