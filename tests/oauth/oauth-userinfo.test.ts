import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { userinfoEndpoint } from "@/lib/oauth/userinfo-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import { answer } from "../fixtures/oauth-fixtures";
import { setupDemoTokens, userinfo } from "../fixtures/token-requests";

/** The userinfo endpoint (OIDC Core §5.3): the claims by scope and principal, and where the token may come from. */
const db = setupSeededDatabase();
const { tokensFor } = setupDemoTokens(db);

describe(`userinfo on ${process.env.TEST_DB}`, () => {
  it("answers the claims of the granted scope, for a RAM user with its policies", async () => {
    const bob = await userinfo((await tokensFor("bob@acme")).access_token);
    expect(bob.status).toBe(200);
    expect(bob.headers.get("cache-control")).toBe("no-store");
    const [user] = await db().db.select().from(s.ramUsers).where(eq(s.ramUsers.name, "bob"));
    expect(bob.body).toEqual({
      sub: user!.subject,
      principal_type: "user",
      aid: "1580000000000001",
      uid: user!.id,
      name: "Bob",
      login_name: "bob",
      upn: "bob@acme.onaliyun.com",
      policies: ["AliyunRAMReadOnlyAccess"],
    });
  });

  it("answers the account itself and a role session, and only what the scope allows", async () => {
    const account = { principal_type: "account", aid: "1580000000000001", uid: "1580000000000001" };
    const cases = [
      {
        who: "owner@acme",
        scope: "openid profile aliuid permissions",
        claims: { ...account, login_name: "owner@acme.example", policies: ["AdministratorAccess"] },
        absent: "upn",
      },
      {
        who: "alice@acme as auditor",
        scope: "openid profile permissions",
        claims: {
          principal_type: "role",
          role_name: "auditor",
          upn: "alice@acme.onaliyun.com",
          policies: ["ReadOnlyAccess"],
        },
        absent: "aid",
      },
    ];
    for (const { who, scope, claims, absent } of cases) {
      const res = await userinfo((await tokensFor(who, scope)).access_token);
      expect(res.body, who).toMatchObject(claims);
      expect(res.body[absent], who).toBeUndefined();
    }
    const bare = await userinfo((await tokensFor("alice@acme", "openid")).access_token);
    expect(Object.keys(bare.body).sort()).toEqual(["principal_type", "sub"]);
  });

  it("takes the token from a form body (RFC 6750 §2.2), refuses it in two places", async () => {
    const t = await tokensFor("alice@acme");
    const body = (headers: Record<string, string>) =>
      userinfoEndpoint(
        new Request("http://localhost:3000/oauth2/userinfo", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
          body: `access_token=${t.access_token}`,
        }),
      );
    expect((await body({})).status).toBe(200);
    const both = await answer(await body({ authorization: `Bearer ${t.access_token}` }));
    expect([both.status, both.body.error]).toEqual([400, "invalid_request"]);
    expect(both.headers.get("www-authenticate")).toMatch(/^Bearer realm="oauth2", error="invalid_request"/);
  });

  it("answers 401 with the bare challenge without a token, invalid_token for a bad one, insufficient_scope without openid", async () => {
    const none = await userinfoEndpoint(new Request("http://localhost:3000/oauth2/userinfo"));
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="oauth2"');
    const bad = await userinfo("not-a-token");
    expect([bad.status, bad.body.error]).toEqual([401, "invalid_token"]);
    expect(bad.headers.get("www-authenticate")).toMatch(/^Bearer realm="oauth2", error="invalid_token"/);
    const noOpenid = await userinfo((await tokensFor("alice@acme", "/acs/ram")).access_token);
    expect([noOpenid.status, noOpenid.body.error]).toEqual([403, "insufficient_scope"]);
  });
});
