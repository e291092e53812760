import { expect, test } from "@playwright/test";
import { expectAccessibleDialog, expectNoAxeViolations } from "./fixtures/axe";
import {
  expectNoSidewaysScroll,
  newApp,
  openApp,
  person,
  signInToApp,
  STAMP,
  userinfoStatus,
  type App,
} from "./fixtures/approvals";
import { DEMO_PASSWORD, openAccountMenu } from "./fixtures/auth";
import { toast } from "./fixtures/toast";

// Issue 16, item 4: My Authorized Applications for every person, Revoke of their own access (the
// token is refused at the next request), and the same list on the user's page for an administrator.
// A new application of isv, granted in acme on the consent screen (e2e/fixtures/approvals.ts).

test.describe.serial("my authorized applications", () => {
  let app: App;
  let accessToken = "";

  test("the administrator grants a new application; the person signs in to it", async ({ browser }) => {
    app = await newApp(browser, "Authorized E2E");
    const admin = await person(browser, "admin@acme.onaliyun.com");
    await openApp(admin, app);
    await admin.getByRole("switch", { name: /Profile/ }).check();
    await admin.getByRole("button", { name: "Grant" }).click();
    await expect(admin).toHaveURL(/127\.0\.0\.1:8791\/callback\?code=/);
    accessToken = (await signInToApp(await person(browser, "alice@acme.onaliyun.com"), app)).access_token;
  });

  test("an administrator sees the person's authorized applications on their user page, read-only", async ({
    browser,
  }) => {
    const admin = await person(browser, "admin@acme.onaliyun.com");
    await admin.goto("/identities/users?search=alice");
    await admin.getByRole("link", { name: "alice@acme.onaliyun.com", exact: true }).click();
    const section = admin.getByRole("region", { name: "Authorized Applications" });
    await expect(section.getByRole("row").filter({ hasText: app.name })).toContainText("Third-party application");
    await expect(section.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
    await expectNoAxeViolations(admin, "a user's page with their authorized applications");
  });

  test("the person revokes their own access from the top bar's menu; the token is refused at the next request", async ({
    browser,
  }) => {
    const alice = await person(browser, "alice@acme.onaliyun.com");
    expect(await userinfoStatus(alice, accessToken)).toBe(200);
    await alice.goto("/");
    await openAccountMenu(alice);
    await alice.getByRole("menuitem", { name: "My Authorized Applications" }).click();
    await expect(alice.getByRole("heading", { level: 1, name: "My Authorized Applications" })).toBeVisible();
    const row = alice.getByRole("row").filter({ hasText: app.name });
    await expect(row).toContainText("OpenID, Profile");
    await expect(row).toContainText("Signed in");
    await expectNoAxeViolations(alice, "My Authorized Applications");
    await expectAccessibleDialog(alice, {
      open: `Revoke ${app.name}`,
      role: "alertdialog",
      name: `Revoke ${app.name}`,
    });
    await row.getByRole("button", { name: `Revoke ${app.name}` }).click();
    await alice.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
    await expect(toast(alice, `Access of ${app.name} to your identity revoked.`)).toBeVisible();
    await expect(alice.getByRole("row").filter({ hasText: app.name })).toHaveCount(0);
    expect(await userinfoStatus(alice, accessToken)).toBe(401);
  });

  test("in Chinese on a phone: the page and its empty state", async ({ browser }) => {
    // A new RAM user of globex: the seeded people sign in to applications in other specs, in any order.
    const admin = await person(browser, "admin@globex.onaliyun.com");
    const name = `empty-${STAMP}`;
    const created = await admin.request.post("/api/v1/users", {
      data: { name, displayName: "Empty", password: DEMO_PASSWORD },
    });
    expect(created.status()).toBe(201);
    const carol = await person(browser, `${name}@globex.onaliyun.com`, { width: 390, locale: "zh-CN" });
    await carol.goto("/authorized-apps");
    await expect(carol.getByRole("heading", { level: 1, name: "我的授权应用" })).toBeVisible();
    await expect(carol.getByText("您还没有在该账号中使用过任何应用。")).toBeVisible();
    await expectNoSidewaysScroll(carol);
    await expectNoAxeViolations(carol, "我的授权应用 at 390 px");
  });
});
