import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInOverHttp } from "./fixtures/auth";
import { expectAccessibleDialog, expectNoAxeViolations } from "./fixtures/axe";
import { authorizePath, pkce } from "./fixtures/official";
import { toast } from "./fixtures/toast";

// Issue 16, items 2 and 4: Request approval on the ask-an-administrator page, the administrators'
// Requests for Approval (Approve, Deny), and each person's My Authorized Applications (Revoke).
// Every application here is new (a public NativeApp of isv, with a loopback callback answered in
// the browser), so that no other spec sees it; acme's people ask for it.

const STAMP = Date.now() % 1_000_000;
const { verifier: VERIFIER, challenge: CHALLENGE } = pkce("e2e-approvals-verifier-0123456789-abcdefghijklmnop");
const REQUESTS = "/integrations/oauth/third-party-apps/requests";
type App = { name: string; clientId: string; redirectUri: string };

/** A signed-in person at `width`, in `locale`, whose loopback callbacks answer in the browser. */
async function person(browser: Browser, login: string, opts: { width?: number; locale?: "en" | "zh-CN" } = {}) {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1366, height: 900 } });
  const page = await context.newPage();
  if (opts.locale) {
    const chosen = await page.request.post("/api/locale", {
      form: { locale: opts.locale, back: "/" },
      maxRedirects: 0,
    });
    expect(chosen.status()).toBe(303);
  }
  await signInOverHttp(page.request, login);
  await page.route("http://127.0.0.1:8791/**", (route) =>
    route.fulfill({ contentType: "text/plain", body: "callback" }),
  );
  return page;
}

/** A new third-party NativeApp of isv: openid required, profile and aliuid optional. */
async function newApp(browser: Browser, label: string): Promise<App> {
  const provider = await person(browser, "owner@isv.example");
  const name = `${label} ${STAMP}`;
  const redirectUri = "http://127.0.0.1:8791/callback";
  const created = await provider.request.post("/api/v1/apps", {
    data: {
      name,
      type: "NativeApp",
      redirectUris: [redirectUri],
      thirdParty: true,
      scopes: [
        { scope: "openid", required: true },
        { scope: "profile", required: false },
        { scope: "aliuid", required: false },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { client_id: clientId } = (await created.json()) as { client_id: string };
  await provider.context().close();
  return { name, clientId, redirectUri };
}

const open = (page: Page, app: App) =>
  page.goto(authorizePath(app, { scope: "openid profile", state: "ap-state", challenge: CHALLENGE }));

/** No part of the page is wider than the window: it scrolls down only (tables scroll inside their box). */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test.describe.serial("requests for approval and my authorized applications", () => {
  let app: App;
  let accessToken = "";
  /** Alice's ask-an-administrator page, left open while the administrator answers. */
  let waiting: Page;

  test("a person who cannot install the application asks, with a reason; another asks too; the page says it was sent", async ({
    browser,
  }) => {
    app = await newApp(browser, "Approvals E2E");
    const alice = await person(browser, "alice@acme.onaliyun.com");
    await open(alice, app);
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
    await open(bob, app);
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

  test("the person opens the application again and goes straight in; their tokens work", async ({ browser }) => {
    // The page left open now leads on.
    await waiting.reload();
    await expect(waiting.getByRole("heading", { level: 1, name: `${app.name} was approved` })).toBeVisible();
    await expect(waiting.getByRole("link", { name: `Continue to ${app.name}` })).toHaveAttribute(
      "href",
      /^\/oauth2\/authorize\?/,
    );
    await expectNoAxeViolations(waiting, "the approved page");

    const alice = await person(browser, "alice@acme.onaliyun.com");
    // Straight to the application with a code, no page between (a redirect the browser would follow).
    const path = authorizePath(app, { scope: "openid profile", state: "ap-state", challenge: CHALLENGE });
    const authorized = await alice.request.get(path, { maxRedirects: 0 });
    expect(authorized.status()).toBe(302);
    const location = new URL(authorized.headers()["location"]!);
    expect(`${location.origin}${location.pathname}`).toBe(app.redirectUri);
    const code = location.searchParams.get("code")!;
    const token = await alice.request.post("/oauth2/token", {
      form: {
        grant_type: "authorization_code",
        code,
        redirect_uri: app.redirectUri,
        code_verifier: VERIFIER,
        client_id: app.clientId,
      },
    });
    expect(token.status()).toBe(200);
    const body = (await token.json()) as { access_token: string; scope: string };
    expect(body.scope).toBe("openid profile");
    accessToken = body.access_token;
    const info = await alice.request.get("/oauth2/userinfo", { headers: { authorization: `Bearer ${accessToken}` } });
    expect(info.status()).toBe(200);
  });

  test("an administrator sees the person's authorized applications on their user page", async ({ browser }) => {
    const admin = await person(browser, "admin@acme.onaliyun.com");
    await admin.goto("/identities/users?search=alice");
    await admin.getByRole("link", { name: "alice@acme.onaliyun.com", exact: true }).click();
    const section = admin.getByRole("region", { name: "Authorized Applications" });
    await expect(section.getByRole("row").filter({ hasText: app.name })).toContainText("Third-party application");
    await expect(section.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
    await expectNoAxeViolations(admin, "a user's page with their authorized applications");
  });

  test("My Authorized Applications: the person revokes their own access; the token is refused at the next request", async ({
    browser,
  }) => {
    const alice = await person(browser, "alice@acme.onaliyun.com");
    await alice.goto("/");
    await alice.getByRole("button", { name: "Account menu" }).click();
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
    const info = await alice.request.get("/oauth2/userinfo", { headers: { authorization: `Bearer ${accessToken}` } });
    expect(info.status()).toBe(401);
  });

  test("Deny: the person sees the reason the next time, and may ask again", async ({ browser }) => {
    const denied = await newApp(browser, "Denied E2E");
    const bob = await person(browser, "bob@acme.onaliyun.com");
    await open(bob, denied);
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

    await open(bob, denied);
    await expect(bob.getByRole("heading", { level: 2, name: `${denied.name} was not approved` })).toBeVisible();
    await expect(bob.getByText("Reason: Use the Official CLI instead.")).toBeVisible();
    await expectNoAxeViolations(bob, "the ask-an-administrator page after a denial");
    await bob.getByRole("button", { name: "Request approval again" }).click();
    await expect(bob.getByRole("heading", { level: 2, name: `Approval requested for ${denied.name}` })).toBeVisible();
  });

  test("in Chinese and on a phone: the requests, the consent form and My Authorized Applications", async ({
    browser,
  }) => {
    const admin = await person(browser, "admin@acme.onaliyun.com", { width: 390, locale: "zh-CN" });
    await admin.goto(REQUESTS);
    await expect(admin.getByRole("heading", { level: 1, name: "授权申请" })).toBeVisible();
    await expect(admin.getByRole("row").filter({ hasText: `Denied E2E ${STAMP}` })).toContainText("1 人");
    await expectNoSidewaysScroll(admin);
    await expectNoAxeViolations(admin, "授权申请 at 390 px");
    await admin.getByRole("link", { name: "已处理" }).click();
    await expect(admin.getByRole("row").filter({ hasText: app.name })).toContainText("已批准");

    const carol = await person(browser, "carol@globex.onaliyun.com", { width: 390, locale: "zh-CN" });
    await open(carol, await newApp(browser, "Chinese E2E"));
    await expect(carol.getByRole("button", { name: "申请授权" })).toBeVisible();
    await expectNoSidewaysScroll(carol);
    await expectNoAxeViolations(carol, "申请授权 at 390 px");
    await carol.goto("/authorized-apps");
    await expect(carol.getByRole("heading", { level: 1, name: "我的授权应用" })).toBeVisible();
    await expect(carol.getByText("您还没有在该账号中使用过任何应用。")).toBeVisible();
    await expectNoSidewaysScroll(carol);
    await expectNoAxeViolations(carol, "我的授权应用 at 390 px");
  });
});
