import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { introspectionEndpoint } from "@/lib/oauth/introspection-endpoint";
import { revocationEndpoint } from "@/lib/oauth/revocation-endpoint";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { userinfoEndpoint } from "@/lib/oauth/userinfo-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import {
  answer,
  codeFor,
  createClient,
  demoClient,
  formRequest,
  userinfoRequest,
  VERIFIER,
  type Auth,
  type TestClient,
} from "../fixtures/oauth-fixtures";

const db = setupSeededDatabase();
let app: TestClient;
let other: TestClient;
let native: TestClient;

beforeAll(async () => {
  app = await demoClient(db().db);
  other = await createClient(db().db, "WebApp");
  native = await createClient(db().db, "NativeApp");
});

type Tokens = { access_token: string; refresh_token: string };

async function tokensFor(who: string, scope?: string, client: TestClient = app): Promise<Tokens> {
  const code = await codeFor(db().db, client, who, scope ? { scope } : {});
  const res = await answer(
    await tokenEndpoint(
      formRequest("/oauth2/token", client, {
        grant_type: "authorization_code",
        code,
        redirect_uri: client.redirectUri,
        code_verifier: VERIFIER,
      }),
    ),
  );
  expect(res.status).toBe(200);
  return res.body as Tokens;
}

const userinfo = async (token: string, method: "GET" | "POST" = "GET") =>
  answer(await userinfoEndpoint(userinfoRequest(token, method)));
const revoke = async (client: TestClient, params: Record<string, string>, auth: Auth = "basic") =>
  answer(await revocationEndpoint(formRequest("/oauth2/revoke", client, params, auth)));
const introspect = async (client: TestClient, params: Record<string, string>, auth: Auth = "basic") =>
  answer(await introspectionEndpoint(formRequest("/oauth2/introspect", client, params, auth)));
const refresh = async (t: Tokens) =>
  answer(
    await tokenEndpoint(
      formRequest("/oauth2/token", app, { grant_type: "refresh_token", refresh_token: t.refresh_token }),
    ),
  );

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
    const owner = await userinfo((await tokensFor("owner@acme", "openid profile aliuid permissions")).access_token);
    expect(owner.body).toMatchObject({
      principal_type: "account",
      aid: "1580000000000001",
      uid: "1580000000000001",
      login_name: "owner@acme.example",
      policies: ["AdministratorAccess"],
    });
    expect(owner.body.upn).toBeUndefined();
    const role = await userinfo((await tokensFor("alice@acme as auditor", "openid profile permissions")).access_token);
    expect(role.body).toMatchObject({
      principal_type: "role",
      role_name: "auditor",
      upn: "alice@acme.onaliyun.com",
      policies: ["ReadOnlyAccess"],
    });
    expect(role.body.aid).toBeUndefined();
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

describe(`revocation on ${process.env.TEST_DB}`, () => {
  it("revokes an access token: userinfo 401, introspection inactive, the refresh token still works", async () => {
    const t = await tokensFor("alice@acme");
    const res = await revoke(app, { token: t.access_token, token_type_hint: "access_token" });
    expect(res.status).toBe(200);
    expect((await userinfo(t.access_token)).status).toBe(401);
    expect((await introspect(app, { token: t.access_token })).body).toEqual({ active: false });
    expect((await refresh(t)).status).toBe(200);
  });

  it("revokes a refresh token and its whole grant (RFC 7009 §2.1), with an unknown hint too", async () => {
    const t = await tokensFor("alice@acme");
    expect((await revoke(app, { token: t.refresh_token, token_type_hint: "something_else" }, "post")).status).toBe(200);
    const r = await refresh(t);
    expect([r.status, r.body.error]).toEqual([400, "invalid_grant"]);
    expect((await userinfo(t.access_token)).status).toBe(401);
  });

  it("answers 200 and changes nothing for another client's token or an unknown token", async () => {
    const t = await tokensFor("alice@acme");
    expect((await revoke(other, { token: t.access_token })).status).toBe(200);
    expect((await revoke(other, { token: t.refresh_token })).status).toBe(200);
    expect((await revoke(app, { token: "no-such-token" })).status).toBe(200);
    expect((await userinfo(t.access_token)).status).toBe(200);
    expect((await refresh(t)).status).toBe(200);
  });

  it("authenticates the client: wrong secret 401 invalid_client, no token 400 invalid_request, public clients refused", async () => {
    const t = await tokensFor("alice@acme");
    const wrong = await revoke(app, { token: t.access_token }, { basic: [app.clientId, "wrong"] });
    expect([wrong.status, wrong.body.error]).toEqual([401, "invalid_client"]);
    expect((await userinfo(t.access_token)).status).toBe(200);
    const missing = await revoke(app, {});
    expect([missing.status, missing.body.error]).toEqual([400, "invalid_request"]);
    const pub = await revoke(native, { token: t.access_token }, "none");
    expect([pub.status, pub.body.error]).toEqual([401, "invalid_client"]);
  });
});

describe(`introspection on ${process.env.TEST_DB}`, () => {
  it("describes an active access token and refresh token of the calling client", async () => {
    const t = await tokensFor("bob@acme", "openid profile");
    const [user] = await db().db.select().from(s.ramUsers).where(eq(s.ramUsers.name, "bob"));
    const access = await introspect(app, { token: t.access_token });
    expect(access.status).toBe(200);
    expect(access.body).toMatchObject({
      active: true,
      scope: "openid profile",
      client_id: app.clientId,
      sub: user!.subject,
      token_type: "Bearer",
      iss: "http://localhost:3000",
      aud: "http://localhost:3000/api/v1",
    });
    expect((access.body.exp as number) - (access.body.iat as number)).toBe(3600);
    const rt = await introspect(app, { token: t.refresh_token, token_type_hint: "refresh_token" }, "post");
    expect(rt.body).toMatchObject({ active: true, client_id: app.clientId, sub: user!.subject });
  });

  it("says only active:false for another client's token, an unknown one, and a rotated refresh token", async () => {
    const t = await tokensFor("bob@acme");
    expect((await introspect(other, { token: t.access_token })).body).toEqual({ active: false });
    expect((await introspect(app, { token: "unknown" })).body).toEqual({ active: false });
    await refresh(t);
    expect((await introspect(app, { token: t.refresh_token })).body).toEqual({ active: false });
  });

  it("authenticates the client and needs a token", async () => {
    const wrong = await introspect(app, { token: "x" }, { basic: [app.clientId, "wrong"] });
    expect([wrong.status, wrong.body.error]).toEqual([401, "invalid_client"]);
    const missing = await introspect(app, {});
    expect([missing.status, missing.body.error]).toEqual([400, "invalid_request"]);
  });
});

describe(`the installation is the lifeline of every token, on ${process.env.TEST_DB}`, () => {
  it("deleting the installation kills access and refresh tokens at once", async () => {
    const t = await tokensFor("carol@globex");
    expect((await userinfo(t.access_token)).status).toBe(200);
    const [globex] = await db().db.select().from(s.accounts).where(eq(s.accounts.alias, "globex"));
    await db().db.delete(s.installations).where(eq(s.installations.accountId, globex!.id));
    expect((await userinfo(t.access_token)).status).toBe(401);
    const r = await refresh(t);
    expect([r.status, r.body.error]).toEqual([400, "invalid_grant"]);
    expect((await introspect(app, { token: t.access_token })).body).toEqual({ active: false });
    expect((await introspect(app, { token: t.refresh_token })).body).toEqual({ active: false });
  });

  it("disabling the RAM user stops its tokens; enabling it again lets them work", async () => {
    const t = await tokensFor("alice@acme");
    await db().db.update(s.ramUsers).set({ enabled: false }).where(eq(s.ramUsers.name, "alice"));
    const off = await userinfo(t.access_token);
    await db().db.update(s.ramUsers).set({ enabled: true }).where(eq(s.ramUsers.name, "alice"));
    expect([off.status, off.body.error]).toEqual([401, "invalid_token"]);
    expect((await userinfo(t.access_token)).status).toBe(200);
  });
});
