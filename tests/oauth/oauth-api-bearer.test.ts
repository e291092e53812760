import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/users/route";
import { setupSeededDatabase } from "../fixtures/db";
import { answer, demoClient } from "../fixtures/oauth-fixtures";
import { obtainTokens } from "../fixtures/token-requests";

const db = setupSeededDatabase();
const accessToken = async (who: string, scope: string) =>
  (await obtainTokens(db().db, await demoClient(db().db), who, { scope })).access_token;

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
