import { expect, test } from "@playwright/test";
import { toast } from "./fixtures/toast";
import { signInOverHttp, signInWithForm } from "./fixtures/auth";

test("an administrator creates a RAM user and makes it an administrator; that user is one", async ({
  page,
  browser,
}) => {
  await signInOverHttp(page.request, "admin@acme.onaliyun.com");
  await page.goto("/identities/users");
  await page.getByRole("button", { name: "Create User" }).click();
  const name = `ops${Date.now() % 100000}`;
  await page.getByLabel("Logon name", { exact: true }).fill(name);
  await page.getByLabel("Display name", { exact: true }).fill("Ops");
  await page.getByLabel("Console password").fill("Str0ng-Passw0rd");
  await page.getByRole("button", { name: "OK" }).click();
  await expect(toast(page, `RAM user ${name} created.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: `${name}@acme.onaliyun.com` })).toBeVisible();
  await page.getByRole("button", { name: "Grant Permission" }).click();
  await page.getByRole("radio", { name: /AliyunRAMFullAccess/ }).check();
  await page.getByRole("button", { name: "OK" }).click();
  await expect(page.getByRole("cell", { name: "AliyunRAMFullAccess", exact: true })).toBeVisible();

  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto("/signin");
  await signInWithForm(p2, `${name}@acme.onaliyun.com`, "Str0ng-Passw0rd");
  await expect(p2.getByTestId("identity")).toHaveText(`${name}@acme.onaliyun.com`);
  const who = await (await p2.request.get("/api/v1/session")).json();
  expect(who).toMatchObject({ administrator: true, policies: ["AliyunRAMFullAccess"] });
  await other.close();

  await page.getByRole("button", { name: "Delete User" }).click();
  await page.getByRole("alertdialog", { name: "Delete User" }).getByRole("button", { name: "Delete User" }).click();
  await expect(toast(page, `RAM user ${name}@acme.onaliyun.com deleted.`)).toBeVisible();
  await expect(page).toHaveURL(/\/identities\/users$/);
});

test("a plain RAM user sees no Create User button and gets 403 from the API", async ({ page }) => {
  await signInOverHttp(page.request, "carol@globex.onaliyun.com");
  await page.goto("/identities/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create User" })).toHaveCount(0);
  const res = await page.request.post("/api/v1/users", {
    data: { name: "mallory", displayName: "M", password: "Str0ng-Passw0rd" },
  });
  expect(res.status()).toBe(403);
});
