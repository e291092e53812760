import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { signInOverHttp } from "./fixtures/auth";
import { expectAccessibleDialog, expectNoAxeViolations } from "./fixtures/axe";
import { authorizePath as authorizeAt, OFFICIAL } from "./fixtures/official";

// Zero axe-core violations (WCAG 2.2 A and AA) on sign-in, the Third-party Applications pages and
// the protocol pages; keyboard focus that can be seen. The official application Cloud Shell is
// used in globex only (provisioned there, admin assigned, carol not); in acme it stays uninstalled.
const LIST = "/integrations/oauth/third-party-apps";
const authorizePath = authorizeAt(OFFICIAL.shell, {
  scope: "openid profile",
  state: "a11y",
  challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
});

async function signedIn(browser: Browser, login: string, viewport?: { width: number; height: number }) {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signInOverHttp(page.request, login);
  return page;
}

/** Cloud Shell provisioned in globex with admin@globex assigned (idempotent). */
async function provisionShellInGlobex(request: APIRequestContext) {
  const provisioned = await request.post(`/api/v1/official-apps/${OFFICIAL.shell.clientId}/provision`, { data: {} });
  expect([201, 409]).toContain(provisioned.status());
  const users = (await (await request.get("/api/v1/users")).json()) as { items: { id: string; logonName: string }[] };
  const admin = users.items.find((u) => u.logonName === "admin@globex.onaliyun.com")!;
  const assigned = await request.post(`/api/v1/third-party-apps/${OFFICIAL.shell.clientId}/assignments`, {
    data: { assignees: [{ principalType: "user", principalId: admin.id }] },
  });
  expect([201, 409]).toContain(assigned.status());
}

async function expectProtocolPage(page: Page, what: string) {
  await page.goto(authorizePath);
  await expect(page.getByRole("heading", { level: 1, name: /Cloud Shell/ })).toBeVisible();
  await expectNoAxeViolations(page, what);
}

test.describe.serial("accessibility of the OAuth pages", () => {
  test("sign-in, with its error and field messages", async ({ page }) => {
    await page.goto("/signin");
    await expectNoAxeViolations(page, "the sign-in page");
    await page.goto("/signin?error=CredentialsSignin&missing=login,password");
    await expect(page.getByText("The logon name or password is incorrect.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await expectNoAxeViolations(page, "the sign-in page with its messages");
  });

  test("Third-party Applications: list, detail page and every dialog", async ({ browser }) => {
    const page = await signedIn(browser, "admin@globex.onaliyun.com");
    await provisionShellInGlobex(page.request);
    await page.goto(LIST);
    await expect(page.getByRole("table", { name: "Third-party Applications" })).toBeVisible();
    await expectNoAxeViolations(page, "the Third-party Applications list");
    await expectAccessibleDialog(page, { open: "Provision Official Application" });
    const row = page.getByRole("row").filter({ hasText: "Cloud Shell" });
    await expectAccessibleDialog(page, { open: "Delete Application", role: "alertdialog", within: row });

    await row.getByRole("link", { name: "Cloud Shell" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cloud Shell" })).toBeVisible();
    await expectNoAxeViolations(page, "the Third-party Application page");
    await expectAccessibleDialog(page, { open: "Create Assignment" });
    await expectAccessibleDialog(page, { open: "Delete Assignment", role: "alertdialog" });
    await expectAccessibleDialog(page, { open: "Delete Application", role: "alertdialog" });
    await page.context().close();
  });

  test("the consent screens (install and personal), the ask-an-administrator and the refusal pages", async ({
    browser,
  }) => {
    const install = await signedIn(browser, "admin@acme.onaliyun.com");
    await expectProtocolPage(install, "the install consent screen");
    await expect(install.getByRole("button", { name: "Grant" })).toBeVisible();
    const ask = await signedIn(browser, "alice@acme.onaliyun.com");
    await expectProtocolPage(ask, "the ask-an-administrator page");
    const personal = await signedIn(browser, "admin@globex.onaliyun.com");
    await expectProtocolPage(personal, "the personal consent screen");
    await expect(personal.getByRole("button", { name: "Grant" })).toBeVisible();
    const refused = await signedIn(browser, "carol@globex.onaliyun.com");
    await expectProtocolPage(refused, "the refusal page");
    await expect(refused.getByRole("button", { name: "Grant" })).toHaveCount(0);
    for (const p of [install, ask, personal, refused]) await p.context().close();
  });

  test("a phone-wide screen (390 px): sign-in, console home, the navigation menu, the list and the consent screen", async ({
    browser,
  }) => {
    const phone = { width: 390, height: 844 };
    const signin = await (await browser.newContext({ viewport: phone })).newPage();
    await signin.goto("/signin");
    await expectNoAxeViolations(signin, "the sign-in page at 390 px");
    await signin.context().close();
    const page = await signedIn(browser, "admin@acme.onaliyun.com", phone);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expectNoAxeViolations(page, "the console home at 390 px");
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "Resource Access Management" })).toBeVisible();
    await expectNoAxeViolations(page, "the navigation menu at 390 px");
    await page.keyboard.press("Escape");
    await page.goto(LIST);
    await expect(page.getByRole("table", { name: "Third-party Applications" })).toBeVisible();
    await expectNoAxeViolations(page, "the Third-party Applications list at 390 px");
    await expectProtocolPage(page, "the install consent screen at 390 px");
    await page.context().close();
  });

  test("Tab reaches Delete Application in the list, with a visible focus ring", async ({ browser }) => {
    const page = await signedIn(browser, "admin@globex.onaliyun.com");
    await page.goto(LIST);
    await expect(page.getByRole("table", { name: "Third-party Applications" })).toBeVisible();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return {
          text: el?.textContent?.trim() ?? "",
          ring: style ? style.outlineStyle !== "none" || style.boxShadow !== "none" : false,
        };
      });
    let reached: { text: string; ring: boolean } | null = null;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press("Tab");
      const now = await focused();
      expect(now.ring, `focus ring on "${now.text}"`).toBe(true);
      if (now.text === "Delete Application") reached = now;
    }
    expect(reached, "Tab reaches Delete Application").not.toBeNull();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alertdialog", { name: "Delete Application" })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.context().close();
  });
});
