import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInOverHttp } from "./fixtures/auth";

/**
 * No secret, hash or token leaves the server where it should not: not in the client bundle that
 * `next build` wrote, not in a console API answer, not in a console page (HTML and RSC payload).
 */
const DEMO_SECRET = "demo-insight-dashboard-secret-change-me";
const sha256 = (v: string) => createHash("sha256").update(v).digest("base64url");
const HASH_COLUMNS =
  /password_hash|secret_hash|token_hash|code_hash|passwordHash|secretHash|tokenHash|codeHash|ownerPasswordHash/;

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** The server's AUTH_SECRET: from the environment, or the one generated beside the embedded database (lib/env.ts). */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(process.env.E2E_DATA_DIR!, "auth-secret");
  expect(existsSync(file), `${file} exists`).toBe(true);
  return readFileSync(file, "utf8").trim();
}

test("the client bundle holds no client secret, AUTH_SECRET, password hash or hash column name", async ({
  request,
}) => {
  await signInOverHttp(request, "admin@acme.onaliyun.com"); // the server has started, so its AUTH_SECRET exists
  const dir = path.join(process.env.NEXT_DIST_DIR || ".next", "static");
  const files = filesUnder(dir);
  expect(files.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(10);
  const secret = authSecret();
  expect(secret.length).toBeGreaterThanOrEqual(32);
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "latin1");
    for (const [what, hit] of [
      ["the demo client secret", text.includes(DEMO_SECRET)],
      ["its hash", text.includes(sha256(DEMO_SECRET))],
      ["AUTH_SECRET", text.includes(secret)],
      ["a scrypt hash", text.includes("scrypt$")],
      ["a hash column", HASH_COLUMNS.test(text)],
    ] as const) {
      if (hit) found.push(`${what} in ${path.relative(dir, file)}`);
    }
  }
  expect(found).toEqual([]);
});

async function textOf(request: APIRequestContext, url: string): Promise<string> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  return res.text();
}

test("API answers and console pages carry no hash, no stored secret and no token", async ({ request }) => {
  await signInOverHttp(request, "admin@globex.onaliyun.com");
  const created = await request.post("/api/v1/apps", {
    data: {
      name: `No Secrets ${Date.now() % 100000}`,
      type: "WebApp",
      redirectUris: ["https://app.example.com/cb"],
      scopes: [{ scope: "profile", required: false }],
    },
  });
  expect(created.status()).toBe(201);
  const { client_id: clientId, client_secret: first } = (await created.json()) as {
    client_id: string;
    client_secret: string;
  };
  const more = await request.post(`/api/v1/apps/${clientId}/secrets`, { data: {} });
  expect(more.status()).toBe(201);
  const second = ((await more.json()) as { secret: string }).secret;
  // A third-party installation with an assignment: Official CLI, provisioned in globex.
  const cli = "4000000000000000002";
  const provisioned = await request.post(`/api/v1/official-apps/${cli}/provision`, { data: {} });
  expect([201, 409]).toContain(provisioned.status());
  const users = (await (await request.get("/api/v1/users")).json()) as { items: { id: string; logonName: string }[] };
  const carol = users.items.find((u) => u.logonName === "carol@globex.onaliyun.com")!;
  expect(
    (
      await request.post(`/api/v1/third-party-apps/${cli}/assignments`, {
        data: { assignees: [{ principalType: "user", principalId: carol.id }] },
      })
    ).status(),
  ).toBe(201);

  const urls = [
    "/api/v1/session",
    "/api/v1/users",
    `/api/v1/users/${carol.id}`,
    "/api/v1/groups",
    "/api/v1/roles",
    "/api/v1/policies",
    "/api/v1/apps",
    `/api/v1/apps/${clientId}`,
    "/api/v1/official-apps",
    "/api/v1/third-party-apps",
    `/api/v1/third-party-apps/${cli}`,
    `/api/v1/third-party-apps/${cli}/assignments`,
    "/identities/users",
    `/identities/users/${carol.id}`,
    "/integrations/oauth/enterprise-apps",
    `/integrations/oauth/enterprise-apps/${clientId}`,
    "/integrations/oauth/third-party-apps",
    `/integrations/oauth/third-party-apps/${cli}`,
  ];
  const found: string[] = [];
  for (const url of urls) {
    const text = await textOf(request, url);
    for (const [what, hit] of [
      ["a hash field", HASH_COLUMNS.test(text)],
      ["a scrypt hash", text.includes("scrypt$")],
      ["the first secret", text.includes(first)],
      ["the second secret", text.includes(second)],
      [
        "a secret's hash",
        text.includes(sha256(first)) || text.includes(sha256(second)) || text.includes(sha256(DEMO_SECRET)),
      ],
    ] as const) {
      if (hit) found.push(`${what} in ${url}`);
    }
  }
  expect(found).toEqual([]);
  // The list of secrets shows each by its prefix only.
  const app = (await (await request.get(`/api/v1/apps/${clientId}`)).json()) as { secrets: Record<string, unknown>[] };
  expect(app.secrets.map((s) => Object.keys(s).sort())).toEqual([
    ["createdAt", "id", "prefix"],
    ["createdAt", "id", "prefix"],
  ]);
});
