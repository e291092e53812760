import { expect, test, type Page } from "@playwright/test";
import { toast } from "./fixtures/toast";
import { signInOverHttp } from "./fixtures/auth";

const DEMO = "http://127.0.0.1:8765/";
const APP_ID = "4071151845732613353";
const LIST = "/integrations/oauth/third-party-apps";

// Times must show in the viewer's time zone: Shanghai has no daylight saving time, so UTC+8 always.
test.use({ timezoneId: "Asia/Shanghai" });

/** The demo application (examples/third-party-app): sign in, then grant on the consent screen with these optional items on. */
async function authorizeInDemo(page: Page, optionalOn: string[]) {
  await page.goto(DEMO);
  await page.getByRole("button", { name: "Sign in with RAM console" }).click();
  await expect(page.getByRole("heading", { name: "Authorize Insight Dashboard" })).toBeVisible();
  for (const sw of await page.getByRole("switch").all()) {
    const scope = await sw.getAttribute("value");
    if (optionalOn.includes(scope!)) await sw.check();
    else await expect(sw).not.toBeChecked();
  }
  await page.getByRole("button", { name: "Grant" }).click();
  await expect(page.getByRole("heading", { name: "Signed in" })).toBeVisible();
  return ((await page.getByTestId("granted-scope").textContent()) ?? "").split(" ").sort();
}

/** Runs one of the demo application's buttons and returns its result panel. */
async function demoAction(page: Page, button: string) {
  await page.getByRole("button", { name: button }).click();
  const result = page.getByRole("region", { name: `Result: ${button}` });
  await expect(result).toBeVisible();
  return result;
}

const shanghai = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");

/** The Authorization Scope table as "scope|type|status" lines. */
async function scopeRows(page: Page) {
  const table = page.getByRole("table", { name: "Authorization Scope" });
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => {
      const cells = (r as HTMLTableRowElement).cells;
      return [cells[0]!.lastElementChild!.textContent, cells[2]!.textContent, cells[3]!.textContent].join("|");
    }),
  );
}

test("install through consent, view it, Delete Application, its tokens die, re-authorize with another choice", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const started = Date.now();
  await signInOverHttp(page.request, "admin@acme.onaliyun.com");

  const granted = await authorizeInDemo(page, ["/acs/ram"]);
  expect(granted).toEqual(["/acs/ram", "openid", "profile"]);
  await expect((await demoAction(page, "Call the console API")).getByTestId("result-status")).toHaveText("200");
  await expect(await demoAction(page, "Introspect")).toContainText('"active": true');

  await test.step("the list shows it with its times, in the viewer's time zone", async () => {
    await page.goto(LIST);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Insight Dashboard" }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell", { name: APP_ID })).toBeVisible();
    // Creation Time, Update Time and Last Used (the consent just issued its first tokens).
    const times = row.locator("time");
    await expect(times).toHaveCount(3);
    for (const time of await times.all()) {
      const iso = (await time.getAttribute("datetime"))!;
      expect(Date.parse(iso)).toBeGreaterThanOrEqual(started - 2_000);
      expect(Date.parse(iso)).toBeLessThanOrEqual(Date.now() + 2_000);
      await expect(time).toHaveText(shanghai(iso));
      await expect(time).toHaveAttribute(
        "title",
        /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} GMT\+08:00 \(Asia\/Shanghai\)$/,
      );
    }
  });

  await test.step("the detail page shows the exact granted scope", async () => {
    await page.getByRole("link", { name: "Insight Dashboard" }).click();
    await expect(page.getByRole("heading", { name: "Insight Dashboard", level: 1 })).toBeVisible();
    await expect(page.getByText("isv", { exact: true })).toBeVisible();
    expect(await scopeRows(page)).toEqual([
      "openid|Required scope|Granted",
      "profile|Required scope|Granted",
      "aliuid|Optional scope|Not granted",
      "permissions|Optional scope|Not granted",
      "/acs/ram|Optional scope|Granted",
    ]);
  });

  const firstCreated = await page.locator("dt:has-text('Creation Time') + dd time").getAttribute("datetime");

  await test.step("Delete Application → dialog → confirm → gone from the list", async () => {
    await page.goto(LIST);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Insight Dashboard" }) });
    await row.getByRole("button", { name: "Delete Application" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete Application" });
    await expect(dialog).toContainText("Insight Dashboard");
    await expect(dialog).toContainText("loses access to this account");
    await dialog.getByRole("button", { name: "Delete Application" }).click();
    await expect(dialog).toBeHidden();
    await expect(toast(page, "Application Insight Dashboard deleted.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Insight Dashboard" })).toHaveCount(0);
    await page.getByRole("searchbox").fill("Insight");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("No installed application matches your search.")).toBeVisible();
    expect((await page.request.get(`/api/v1/third-party-apps/${APP_ID}`)).status()).toBe(404);
  });

  await test.step("the demo application's tokens stop working at once", async () => {
    await page.goto(DEMO);
    await expect((await demoAction(page, "Refresh tokens")).getByTestId("result-error")).toHaveText("invalid_grant");
    const userinfo = await demoAction(page, "Fetch userinfo");
    await expect(userinfo.getByTestId("result-status")).toHaveText("401");
    await expect(userinfo.getByTestId("result-error")).toHaveText("invalid_token");
    await expect((await demoAction(page, "Call the console API")).getByTestId("result-status")).toHaveText("401");
    await expect(await demoAction(page, "Introspect")).toContainText('"active": false');
  });

  await test.step("accessing the app again shows consent again; another optional choice is installed anew", async () => {
    expect(await authorizeInDemo(page, ["aliuid"])).toEqual(["aliuid", "openid", "profile"]);
    await page.goto(`${LIST}/${APP_ID}`);
    expect(await scopeRows(page)).toEqual([
      "openid|Required scope|Granted",
      "profile|Required scope|Granted",
      "aliuid|Optional scope|Granted",
      "permissions|Optional scope|Not granted",
      "/acs/ram|Optional scope|Not granted",
    ]);
    const created = await page.locator("dt:has-text('Creation Time') + dd time").getAttribute("datetime");
    expect(Date.parse(created!)).toBeGreaterThan(Date.parse(firstCreated!));
  });

  await test.step("a failed deletion keeps the dialog open with the reason", async () => {
    await page.getByRole("button", { name: "Delete Application" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete Application" });
    await expect(dialog).toBeVisible();
    // Someone else deletes it first: this confirmation then fails with 404.
    expect((await page.request.delete(`/api/v1/third-party-apps/${APP_ID}`)).status()).toBe(204);
    await dialog.getByRole("button", { name: "Delete Application" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("This application is not installed in your account.");
    await expect(dialog).toBeVisible();
  });
});

test("a read-only user sees the list without Delete Application; a plain user is refused", async ({ browser }) => {
  const bob = await browser.newContext();
  const page = await bob.newPage();
  await signInOverHttp(page.request, "bob@acme.onaliyun.com");
  await page.goto(LIST);
  await expect(page.getByRole("table", { name: "Third-party Applications" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Actions" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete Application" })).toHaveCount(0);
  await page.getByRole("link", { name: /Update Time/ }).click();
  await expect(page).toHaveURL(/sort=updatedAt&order=desc/);
  await expect(page.getByRole("columnheader", { name: /Update Time/ })).toHaveAttribute("aria-sort", "descending");
  expect((await page.request.delete(`/api/v1/third-party-apps/${APP_ID}`)).status()).toBe(403);
  await bob.close();

  const carol = await browser.newContext();
  const p2 = await carol.newPage();
  await signInOverHttp(p2.request, "carol@globex.onaliyun.com");
  await p2.goto(LIST);
  await expect(p2.getByText("You do not have permission to view this page.", { exact: false })).toBeVisible();
  expect((await p2.request.get("/api/v1/third-party-apps")).status()).toBe(403);
  await carol.close();
});
