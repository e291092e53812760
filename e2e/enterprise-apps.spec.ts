import { execFile } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signInOverHttp } from "./fixtures/auth";
import { toast } from "./fixtures/toast";

const run = promisify(execFile);

/** A local port with nobody listening: bound once by us, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}
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

test("a plain RAM user sees no Create Application button and gets 403; another account gets 404", async ({
  page,
  browser,
}) => {
  await signInOverHttp(page.request, "carol@globex.onaliyun.com");
  await page.goto(LIST);
  await expect(page.getByRole("heading", { name: "OAuth (Preview)" })).toBeVisible();
  await expect(page.getByText("Create Application")).toHaveCount(0);
  const res = await page.request.post("/api/v1/apps", {
    data: { name: "Mallory App", type: "WebApp", redirectUris: ["https://evil.example.com/cb"] },
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: "forbidden" });

  const admin = await browser.newContext();
  await signInOverHttp(admin.request, "admin@globex.onaliyun.com");
  expect((await admin.request.get("/api/v1/apps/4071151845732613353")).status()).toBe(404);
  expect((await admin.request.patch("/api/v1/apps/4071151845732613353", { data: { name: "Hijacked" } })).status()).toBe(
    404,
  );
  expect((await admin.request.post("/api/v1/apps/4071151845732613353/secrets", { data: {} })).status()).toBe(404);
  const invalid = await admin.request.post("/api/v1/apps", {
    data: { name: "Bad", type: "WebApp", redirectUris: ["https://a.example.com/cb#x"], accessTokenValidity: 60 },
  });
  expect(invalid.status()).toBe(422);
  const body = (await invalid.json()) as { error: string; message: string };
  expect(body.error).toBe("invalid_input");
  expect(body.message).toContain("must not contain a fragment");
  expect(body.message).toContain("between 900 and 10800 seconds");
  await admin.close();
});

test("npm run app:create registers an application over HTTP and prints its client_id and secret", async ({
  page,
  baseURL,
}) => {
  const cli = (args: string[]) =>
    run("npx", ["tsx", "scripts/app-create.ts", "--base-url", baseURL!, ...args], { timeout: 60_000 });
  const name = `CLI App ${unique()}`;
  const { stdout } = await cli([
    "--login",
    "owner@isv.example",
    "--password",
    DEMO_PASSWORD,
    "--name",
    name,
    "--type",
    "WebApp",
    "--redirect-uri",
    "http://127.0.0.1:8765/callback",
    "--scope",
    "openid:required",
    "--scope",
    "profile:optional",
    "--scope",
    "/acs/ram:required",
    "--third-party",
    "--description",
    "Made by the CLI",
  ]);
  const out = JSON.parse(stdout) as {
    client_id: string;
    client_secret: string;
    app: { name: string; thirdParty: boolean; scopes: { scope: string; required: boolean }[] };
  };
  expect(out.client_id).toMatch(/^4\d{18}$/);
  expect(out.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(out.app).toMatchObject({ name, thirdParty: true });
  expect(out.app.scopes.map((s) => `${s.scope}:${s.required}`)).toEqual([
    "openid:true",
    "profile:false",
    "/acs/ram:true",
  ]);

  await signInOverHttp(page.request, "owner@isv.example");
  const list = (await (await page.request.get("/api/v1/apps")).json()) as {
    items: { clientId: string; name: string }[];
  };
  expect(list.items).toContainEqual(expect.objectContaining({ clientId: out.client_id, name }));

  const failures: [string[], string][] = [
    [
      [
        "--login",
        "owner@isv.example",
        "--password",
        "wrong-password",
        "--name",
        "X",
        "--redirect-uri",
        "https://a.example.com/cb",
      ],
      "the logon name or password is incorrect",
    ],
    [
      [
        "--login",
        "owner@isv.example",
        "--password",
        DEMO_PASSWORD,
        "--name",
        "X",
        "--redirect-uri",
        "http://a.example.com/cb",
      ],
      "(HTTP 422): redirectUris.0: Redirect URI http://a.example.com/cb must use https",
    ],
    [
      [
        "--login",
        "carol@globex.onaliyun.com",
        "--password",
        DEMO_PASSWORD,
        "--name",
        "X",
        "--redirect-uri",
        "https://a.example.com/cb",
      ],
      "(HTTP 403)",
    ],
  ];
  for (const [args, message] of failures) {
    const error = (await cli(args).then(
      () => null,
      (e: unknown) => e,
    )) as { code: number; stdout: string; stderr: string } | null;
    expect(error, message).not.toBeNull();
    expect(error!.code).toBe(1);
    expect(error!.stdout).toBe("");
    expect(error!.stderr.trim().split("\n")).toHaveLength(1);
    expect(error!.stderr).toContain(message);
  }
  const port = await closedPort();
  const offline = (await run("npx", [
    "tsx",
    "scripts/app-create.ts",
    "--base-url",
    `http://127.0.0.1:${port}`,
    "--login",
    "a@b.c",
    "--password",
    "x",
    "--name",
    "X",
  ]).catch((e: unknown) => e)) as { code: number; stderr: string };
  expect(offline.code).toBe(1);
  expect(offline.stderr).toContain(`Cannot reach the console at http://127.0.0.1:${port}: ECONNREFUSED`);
});
