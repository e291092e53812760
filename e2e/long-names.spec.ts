import { createHash } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { registerThirdPartyWebApp } from "./fixtures/apps";
import { signInOverHttp } from "./fixtures/auth";

// 64 characters without a space: the longest name the console accepts, as one word.
const stamp = String(Date.now());
const APP_NAME = `LongName${stamp}`.padEnd(64, "X");
const GROUP_NAME = `long-${stamp}`.padEnd(64, "x");
const DESCRIPTION = `Description${stamp}`.padEnd(64, "Y");
const REDIRECT_URI = "http://127.0.0.1:8767/callback";
const WIDTHS = [1366, 390];

async function personPage(browser: Browser, login: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signInOverHttp(page.request, login);
  return page;
}

/** No page is ever wider than the viewport: nothing scrolls sideways but a table inside its frame. */
async function expectFits(page: Page, what: string) {
  const sizes = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: innerWidth }));
  expect(sizes.page, `${what} at ${sizes.viewport} px`).toBeLessThanOrEqual(sizes.viewport);
}

function authorizePath(clientId: string) {
  const challenge = createHash("sha256").update("long-names-verifier-0123456789-abcdefghijklmnop").digest("base64url");
  return `/oauth2/authorize?${new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    scope: "openid",
    state: "long",
    code_challenge: challenge,
    code_challenge_method: "S256",
  })}`;
}

test("a 64-character name or description without spaces wraps: no page is wider than the viewport", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const provider = await personPage(browser, "owner@isv.example", 1366);
  const clientId = await registerThirdPartyWebApp(provider.request, {
    name: APP_NAME,
    description: DESCRIPTION,
    redirectUri: REDIRECT_URI,
    scopes: [{ scope: "openid", required: true }],
  });
  const admin = await personPage(browser, "admin@acme.onaliyun.com", 1366);
  const group = await admin.request.post("/api/v1/groups", { data: { name: GROUP_NAME, description: DESCRIPTION } });
  expect(group.status()).toBe(201);
  const { id: groupId } = (await group.json()) as { id: string };

  // The consent screen; Grant installs the application in acme for the list and detail pages.
  await admin.route(`${REDIRECT_URI}**`, (route) => route.fulfill({ body: "callback" }));
  await admin.goto(authorizePath(clientId));
  await expect(admin.getByText(APP_NAME, { exact: true })).toBeVisible();
  await admin.getByRole("button", { name: "Grant" }).click();
  await expect(admin).toHaveURL(/127\.0\.0\.1:8767\/callback\?code=/);

  for (const width of WIDTHS) {
    const page = await personPage(browser, "admin@acme.onaliyun.com", width);
    const pages = [
      `/identities/groups?search=${GROUP_NAME}`,
      `/identities/groups/${groupId}`,
      "/integrations/oauth/third-party-apps",
      `/integrations/oauth/third-party-apps/${clientId}`,
    ];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByText(/LongName|long-/).first()).toBeVisible();
      await expectFits(page, path);
    }
    // The breadcrumb truncates the name and shows it whole on hover.
    const crumb = page.getByRole("navigation", { name: "Breadcrumb" }).locator("[aria-current=page]");
    await expect(crumb).toHaveAttribute("title", APP_NAME);
    // The Delete Application dialog fits the screen too.
    await page.getByRole("button", { name: "Delete Application" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete Application" });
    await expect(dialog).toContainText(APP_NAME);
    const box = (await dialog.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    await expectFits(page, "Delete Application dialog");
    await page.context().close();

    const own = await personPage(browser, "owner@isv.example", width);
    for (const path of ["/integrations/oauth/enterprise-apps", `/integrations/oauth/enterprise-apps/${clientId}`]) {
      await own.goto(path);
      await expect(own.getByText(APP_NAME).first()).toBeVisible();
      await expectFits(own, path);
    }
    await own.context().close();

    // The consent screen of a person who has not authorized it yet (a personal consent is not needed
    // after installation, so globex's administrator sees the screen).
    const other = await personPage(browser, "admin@globex.onaliyun.com", width);
    await other.goto(authorizePath(clientId));
    await expect(other.getByText(DESCRIPTION, { exact: true })).toBeVisible();
    await expectFits(other, "consent screen");
    await other.context().close();
  }
  await provider.context().close();
  await admin.context().close();
});
