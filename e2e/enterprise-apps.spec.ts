import { expect, test } from "@playwright/test";
import { signInOverHttp } from "./fixtures/auth";
import { toast } from "./fixtures/toast";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const LIST = "/integrations/oauth/enterprise-apps";

test("an administrator registers an application and sees its secret exactly once", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signInOverHttp(page.request, "owner@isv.example");
  await page.goto(LIST);
  await expect(page.getByRole("link", { name: "Insight Dashboard" })).toBeVisible();
  await page.getByRole("link", { name: "Create Application" }).click();
  await expect(page.getByRole("heading", { name: "Create Application" })).toBeVisible();

  const name = `Browser App ${unique()}`;
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Redirect URIs").fill("http://app.example.com/callback");
  await page.getByLabel("Add aliuid").check();
  await page.getByLabel("Third-party application").check();
  await page.getByRole("button", { name: "OK" }).click();
  await expect(page.getByText("Check the fields marked below.")).toBeVisible();
  await expect(
    page.getByText("Redirect URI http://app.example.com/callback must use https, or http only on a loopback host"),
  ).toBeVisible();

  await page.getByLabel("Redirect URIs").fill("http://127.0.0.1:8765/browser-callback");
  await page.getByRole("button", { name: "OK" }).click();
  const dialog = page.getByRole("dialog", { name: "Application Created" });
  await expect(dialog).toContainText("it will not be shown again");
  const secret = await dialog.getByLabel("Client secret").inputValue();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(toast(page, `Application ${name} created.`)).toBeVisible();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  const clientId = page.url().split("/").pop()!;
  expect(clientId).toMatch(/^4\d{18}$/);
  await expect(page.getByRole("row", { name: /^aliuid / })).toContainText("Optional");
  await expect(page.getByRole("row", { name: /^profile / })).toContainText("Required");
  await page.reload();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await page.getByRole("link", { name: "App Secrets" }).click();
  await expect(page.getByRole("cell", { name: `${secret.slice(0, 6)}••••••••` })).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  const res = await page.request.get(`/api/v1/apps/${clientId}`);
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).not.toContain(secret);
  expect(JSON.parse(text)).toMatchObject({
    clientId,
    name,
    thirdParty: true,
    redirectUris: ["http://127.0.0.1:8765/browser-callback"],
    secrets: [{ prefix: secret.slice(0, 6) }],
  });

  await page.goto(LIST);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(clientId);
});

test("the detail page manages OAuth scopes and secrets", async ({ page }) => {
  await signInOverHttp(page.request, "owner@isv.example");
  const name = `Scoped App ${unique()}`;
  const created = await page.request.post("/api/v1/apps", {
    data: { name, type: "ServerApp", scopes: [{ scope: "profile", required: false }] },
  });
  expect(created.status()).toBe(201);
  const { client_id: clientId, client_secret: firstSecret } = (await created.json()) as {
    client_id: string;
    client_secret: string;
  };
  await page.goto(`${LIST}/${clientId}`);

  const openid = page.getByRole("row", { name: /^openid / });
  await expect(openid).toContainText("Default scope");
  await expect(openid.getByRole("button")).toHaveCount(0);
  const profile = page.getByRole("row", { name: /^profile / });
  await profile.getByRole("button", { name: "Set as Required" }).click();
  await expect(toast(page, "Scope profile is now required.")).toBeVisible();
  await expect(profile).toContainText("Required");
  await profile.getByRole("button", { name: "Cancel Required" }).click();
  await expect(profile).toContainText("Optional");

  await page.getByRole("button", { name: "Add OAuth Scope" }).click();
  const panel = page.getByRole("dialog", { name: "Add OAuth Scope" });
  await expect(panel.getByLabel("Add profile")).toHaveCount(0);
  await panel.getByLabel("Add /acs/ram").check();
  await panel.getByLabel("/acs/ram required").check();
  await panel.getByLabel("Add permissions").check();
  await panel.getByRole("button", { name: "OK" }).click();
  await expect(panel).toBeHidden();
  await expect(toast(page, "2 scopes added.")).toBeVisible();
  await expect(page.getByRole("row", { name: /^\/acs\/ram / })).toContainText("Required");
  await expect(page.getByRole("row", { name: /^permissions / })).toContainText("Optional");

  await page
    .getByRole("row", { name: /^permissions / })
    .getByRole("button", { name: "Delete OAuth Scope" })
    .click();
  await page.getByRole("alertdialog", { name: "Delete OAuth Scope" }).getByRole("button", { name: "Delete" }).click();
  await expect(toast(page, "Scope permissions deleted.")).toBeVisible();
  await expect(page.getByRole("row", { name: /^permissions / })).toHaveCount(0);
  // Scopes with slashes travel URL-encoded in the path.
  expect(
    (await page.request.delete(`/api/v1/apps/${clientId}/scopes/${encodeURIComponent("/acs/ram")}`)).status(),
  ).toBe(204);
  expect((await page.request.delete(`/api/v1/apps/${clientId}/scopes/openid`)).status()).toBe(409);

  await page.getByRole("link", { name: "App Secrets" }).click();
  await page.getByRole("button", { name: "Create Secret" }).click();
  const dialog = page.getByRole("dialog", { name: "Secret Created" });
  await expect(dialog).toContainText("it will not be shown again");
  const second = await dialog.getByLabel("Client secret").inputValue();
  expect(second).not.toBe(firstSecret);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(toast(page, "Secret created.")).toBeVisible();
  await expect(page.getByRole("cell", { name: /••••••••/ })).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Create Secret" })).toBeDisabled();
  expect((await page.request.post(`/api/v1/apps/${clientId}/secrets`, { data: {} })).status()).toBe(409);
  expect(await page.content()).not.toContain(second);

  await page
    .getByRole("row", { name: new RegExp(firstSecret.slice(0, 6)) })
    .getByRole("button", { name: "Delete" })
    .click();
  await page.getByRole("alertdialog", { name: "Delete Secret" }).getByRole("button", { name: "Delete" }).click();
  await expect(toast(page, `Secret ${firstSecret.slice(0, 6)}… deleted.`)).toBeVisible();
  await expect(page.getByRole("cell", { name: /••••••••/ })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Create Secret" })).toBeEnabled();

  await page.getByRole("button", { name: "Delete Application" }).click();
  await page
    .getByRole("alertdialog", { name: "Delete Application" })
    .getByRole("button", { name: "Delete Application" })
    .click();
  await expect(page).toHaveURL(new RegExp(`${LIST}$`));
  await expect(toast(page, `Application ${name} deleted.`)).toBeVisible();
  expect((await page.request.get(`/api/v1/apps/${clientId}`)).status()).toBe(404);
});
