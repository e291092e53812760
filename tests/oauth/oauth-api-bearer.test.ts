import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/users/route";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import { answer, codeFor, demoClient, formRequest, VERIFIER, type TestClient } from "../fixtures/oauth-fixtures";

const db = setupSeededDatabase();
let app: TestClient;

beforeAll(async () => {
  app = await demoClient(db().db);
});

async function accessToken(who: string, scope: string): Promise<string> {
  const code = await codeFor(db().db, app, who, { scope });
  const res = await answer(
    await tokenEndpoint(
      formRequest("/oauth2/token", app, {
        grant_type: "authorization_code",
        code,
        redirect_uri: app.redirectUri,
        code_verifier: VERIFIER,
      }),
    ),
  );
  expect(res.status).toBe(200);
  return res.body.access_token as string;
}

const listUsers = async (authorization: string) =>
  answer(
    await GET(new Request("http://localhost:3000/api/v1/users", { headers: { authorization } }), {
      params: Promise.resolve({}),
    }),
  );

describe(`/api/v1 with a bearer access token, on ${process.env.TEST_DB}`, () => {
  it("runs as the token's person: acme's administrator sees acme's users only", async () => {
    const res = await listUsers(`Bearer ${await accessToken("admin@acme", "openid /acs/ram")}`);
    expect(res.status).toBe(200);
    const names = (res.body.items as { logonName: string }[]).map((u) => u.logonName).sort();
    expect(names).toEqual(["admin@acme.onaliyun.com", "alice@acme.onaliyun.com", "bob@acme.onaliyun.com"]);
  });

  it("a token of globex sees globex's users, never acme's", async () => {
    const res = await listUsers(`Bearer ${await accessToken("admin@globex", "openid /acs/ram")}`);
    expect(res.status).toBe(200);
    const names = (res.body.items as { logonName: string }[]).map((u) => u.logonName).sort();
    expect(names).toEqual(["admin@globex.onaliyun.com", "carol@globex.onaliyun.com"]);
  });

  it("never goes beyond the person's own policies: alice (no RAM policy) gets 403 forbidden", async () => {
    const res = await listUsers(`Bearer ${await accessToken("alice@acme", "openid /acs/ram")}`);
    expect([res.status, res.body.error]).toEqual([403, "forbidden"]);
  });

  it("refuses a token without /acs/ram with 403 insufficient_scope and its challenge", async () => {
    const res = await listUsers(`Bearer ${await accessToken("admin@acme", "openid profile")}`);
    expect([res.status, res.body.error]).toEqual([403, "insufficient_scope"]);
    expect(res.headers.get("www-authenticate")).toMatch(
      /^Bearer realm="oauth2", error="insufficient_scope", .*scope="\/acs\/ram"$/,
    );
  });

  it("refuses an invalid token with 401 invalid_token and its challenge", async () => {
    const res = await listUsers("Bearer not-a-valid-token");
    expect([res.status, res.body.error]).toEqual([401, "invalid_token"]);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="oauth2", error="invalid_token"/);
  });
});
