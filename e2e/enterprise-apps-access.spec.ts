import { execFile } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signInOverHttp } from "./fixtures/auth";

/** Who may register applications (the console and the app:create command over HTTP), and what others get. */
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
