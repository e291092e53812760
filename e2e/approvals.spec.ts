import { expect, test, type Page } from "@playwright/test";
import { expectAccessibleDialog, expectNoAxeViolations } from "./fixtures/axe";
import { expectNoSidewaysScroll, newApp, openApp, person, signInToApp, STAMP, type App } from "./fixtures/approvals";
import { toast } from "./fixtures/toast";

// Issue 16, item 2: Request approval on the ask-an-administrator page, the administrators'
// Requests for Approval (the count on the tab, Approve, Deny), and what the person sees next time.
// acme's people ask for new applications of isv (e2e/fixtures/approvals.ts).

const REQUESTS = "/integrations/oauth/third-party-apps/requests";

test.describe.serial("requests for approval", () => {
  let app: App;
  /** Alice's ask-an-administrator page, left open while the administrator answers. */
  let waiting: Page;

  test("a person who cannot install the application asks, with a reason; another asks too; the page says it was sent", async ({
    browser,
  }) => {
    app = await newApp(browser, "Approvals E2E");
    const alice = await person(browser, "alice@acme.onaliyun.com");
    await openApp(alice, app);
    await expect(
      alice.getByRole("heading", { level: 1, name: `Ask an administrator to authorize ${app.name}` }),
    ).toBeVisible();
    await expectNoAxeViolations(alice, "the ask-an-administrator page with Request approval");
    await alice.getByLabel("Reason (optional)").fill("The weekly cost report");
    await alice.getByRole("button", { name: "Request approval" }).click();
    await expect(alice.getByRole("heading", { level: 2, name: `Approval requested for ${app.name}` })).toBeVisible();
    await expect(alice.getByRole("button", { name: "Request approval" })).toHaveCount(0);
    await expectNoAxeViolations(alice, "the page after Request approval");
    waiting = alice;

    const bob = await person(browser, "bob@acme.onaliyun.com", { width: 390 });
    await openApp(bob, app);
    await bob.getByRole("button", { name: "Request approval" }).click();
    await expect(bob.getByRole("heading", { level: 2, name: `Approval requested for ${app.name}` })).toBeVisible();
    await expectNoSidewaysScroll(bob);
  });

  test("the administrator sees the count and the request, and Approve installs it with the scope chosen", async ({
    browser,
  }) => {
    const admin = await person(browser, "admin@acme.onaliyun.com");
    await admin.goto("/integrations/oauth/third-party-apps");
    const tab = admin
      .getByRole("navigation", { name: "OAuth applications" })
      .getByRole("link", { name: /Third-party/ });
    await expect(tab).toContainText(/requests? for approval wait/);
    await admin.getByRole("link", { name: /^Requests for Approval \(\d+\)$/ }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Requests for Approval" })).toBeVisible();
    const row = admin.getByRole("row").filter({ hasText: app.name });
    await expect(row).toContainText("2 people");
    await expect(row).toContainText("The weekly cost report");
    await expect(row).toContainText("OpenID, Profile");
    await expectNoAxeViolations(admin, "Requests for Approval");
    await expectAccessibleDialog(admin, { open: `Deny ${app.name}`, name: `Deny ${app.name}` });

    await row.getByRole("button", { name: `Approve ${app.name}` }).click();
    const dialog = admin.getByRole("dialog", { name: `Approve ${app.name}` });
    await expect(dialog.getByRole("checkbox", { name: /OpenID/ })).toBeDisabled();
    await expect(dialog.getByRole("switch", { name: /Profile/ })).not.toBeChecked();
    await expectNoAxeViolations(admin, "the Approve dialog");
    await dialog.getByRole("switch", { name: /Profile/ }).click();
    await dialog.getByRole("button", { name: "OK" }).click();
    await expect(toast(admin, `${app.name} approved and installed.`)).toBeVisible();
    await expect(admin.getByRole("row").filter({ hasText: app.name })).toHaveCount(0);

    await admin.getByRole("link", { name: "Answered" }).click();
    const answered = admin.getByRole("row").filter({ hasText: app.name });
    await expect(answered).toContainText("Approved");
    await expect(answered).toContainText("by admin@acme.onaliyun.com");
    await expectNoAxeViolations(admin, "the answered requests");
  });

  test("approved: the page left open leads on, and opening the application again goes straight in", async ({
    browser,
  }) => {
    await waiting.reload();
    await expect(waiting.getByRole("heading", { level: 1, name: `${app.name} was approved` })).toBeVisible();
    const next = waiting.getByRole("link", { name: `Continue to ${app.name}` });
    await expect(next).toHaveAttribute("href", /^\/oauth2\/authorize\?/);
    await expectNoAxeViolations(waiting, "the approved page");
    const tokens = await signInToApp(await person(browser, "alice@acme.onaliyun.com"), app);
    expect(tokens.scope).toBe("openid profile");
  });

  test("Deny: the person sees the reason the next time, and may ask again", async ({ browser }) => {
    const denied = await newApp(browser, "Denied E2E");
    const bob = await person(browser, "bob@acme.onaliyun.com");
    await openApp(bob, denied);
    await bob.getByRole("button", { name: "Request approval" }).click();
    const admin = await person(browser, "admin@acme.onaliyun.com");
    await admin.goto(REQUESTS);
    await admin.getByRole("button", { name: `Deny ${denied.name}` }).click();
    const dialog = admin.getByRole("dialog", { name: `Deny ${denied.name}` });
    await dialog.getByRole("button", { name: "OK" }).click();
    await expect(dialog.getByRole("alert")).toBeVisible();
    await dialog.getByLabel("Reason").fill("Use the Official CLI instead.");
    await dialog.getByRole("button", { name: "OK" }).click();
    await expect(toast(admin, `Request for ${denied.name} denied.`)).toBeVisible();

    await openApp(bob, denied);
    await expect(bob.getByRole("heading", { level: 2, name: `${denied.name} was not approved` })).toBeVisible();
    await expect(bob.getByText("Reason: Use the Official CLI instead.")).toBeVisible();
    await expectNoAxeViolations(bob, "the ask-an-administrator page after a denial");
    await bob.getByRole("button", { name: "Request approval again" }).click();
    await expect(bob.getByRole("heading", { level: 2, name: `Approval requested for ${denied.name}` })).toBeVisible();
  });

  test("in Chinese and on a phone: the requests and the consent page's form", async ({ browser }) => {
    const admin = await person(browser, "admin@acme.onaliyun.com", { width: 390, locale: "zh-CN" });
    await admin.goto(REQUESTS);
    await expect(admin.getByRole("heading", { level: 1, name: "授权申请" })).toBeVisible();
    await expect(admin.getByRole("row").filter({ hasText: `Denied E2E ${STAMP}` })).toContainText("1 人");
    await expectNoSidewaysScroll(admin);
    await expectNoAxeViolations(admin, "授权申请 at 390 px");
    await admin.getByRole("link", { name: "已处理" }).click();
    await expect(admin.getByRole("row").filter({ hasText: app.name })).toContainText("已批准");

    const carol = await person(browser, "carol@globex.onaliyun.com", { width: 390, locale: "zh-CN" });
    await openApp(carol, await newApp(browser, "Chinese E2E"));
    await expect(carol.getByRole("button", { name: "申请授权" })).toBeVisible();
    await expectNoSidewaysScroll(carol);
    await expectNoAxeViolations(carol, "申请授权 at 390 px");
  });
});
