import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signInOverHttp } from "./fixtures/auth";
import { registerThirdPartyWebApp } from "./fixtures/apps";
import { authorizePath, pkce } from "./fixtures/official";

/**
 * The sign-in page is the first page of an authorization request for a signed-out person: it
 * speaks the request's ui_locales (OIDC Core §3.1.2.1), and a language chosen with its switch
 * outranks them from then on, through a failed attempt and into the consent screen (issue 14).
 * Own data only: a new application of isv, which acme's administrator is asked to install.
 */

const CALLBACK = "http://127.0.0.1:8797/sign-in-language-callback";
const { challenge } = pkce("sign-in-language-e2e-verifier-0123456789-abcdefghijklmnopqrstuvwxyz");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const expectLang = (page: Page, lang: string) => expect(page.locator("html")).toHaveAttribute("lang", lang);

/** The decision buttons by their form value (decision = grant | cancel), in any language. */
const decide = (page: Page, decision: "grant" | "cancel") =>
  page.locator(`form[action="/oauth2/decision"] button[name="decision"][value="${decision}"]`).click();

test("ui_locales=zh-CN: the sign-in page speaks Chinese; the person's switch to English goes on into the consent screen", async ({
  browser,
  baseURL,
}) => {
  const provider = await browser.newPage({ baseURL });
  await signInOverHttp(provider.request, "owner@isv.example");
  const name = `Sign-in Locales ${unique()}`;
  const clientId = await registerThirdPartyWebApp(provider.request, {
    name,
    redirectUri: CALLBACK,
    scopes: [{ scope: "profile", required: true }],
  });
  const path = authorizePath({ clientId, redirectUri: CALLBACK }, { scope: "openid profile", state: "si", challenge });

  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.route(`${new URL(CALLBACK).origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/plain", body: "callback" }),
  );
  await page.goto(`${path}&ui_locales=zh-CN`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expectLang(page, "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "登录 RAM 控制台" })).toBeVisible();
  await expect(page).toHaveTitle(/登录/);

  await page.getByRole("button", { name: "English" }).click();
  await expectLang(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to the RAM console" })).toBeVisible();
  // A wrong password comes back in the chosen language.
  await page.getByLabel("Logon name or e-mail").fill("admin@acme.onaliyun.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The logon name or password is incorrect.")).toBeVisible();
  await expectLang(page, "en");
  await page.getByLabel("Logon name or e-mail").fill("admin@acme.onaliyun.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expectLang(page, "en");
  await expect(page.getByRole("button", { name: "Grant", exact: true })).toBeVisible();
  await decide(page, "cancel");
  await expect(page).toHaveURL(/127\.0\.0\.1:8797\/sign-in-language-callback\?error=access_denied/);

  expect((await provider.request.delete(`/api/v1/apps/${clientId}`)).status()).toBe(204);
  await context.close();
  await provider.close();
});
