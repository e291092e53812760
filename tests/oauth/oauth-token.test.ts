import { eq } from "drizzle-orm";
import { createLocalJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import { getPublicJwks } from "@/lib/oauth/keys";
import { setupSeededDatabase } from "../fixtures/db";
import { codeFor, postToken, userinfoStatus } from "../fixtures/oauth-fixtures";
import { exchangeCode, setupTestClients, refreshGrant } from "../fixtures/token-requests";

const db = setupSeededDatabase();
const clients = setupTestClients(db);

describe(`token endpoint: authorization_code on ${process.env.TEST_DB}`, () => {
  it("exchanges a code with client_secret_basic: tokens, a valid ID token, no-store", async () => {
    const code = await codeFor(db().db, clients.app, "alice@acme", { nonce: "n-0S6_WzA2Mj" });
    const res = await exchangeCode(clients.app, code);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("pragma")).toBe("no-cache");
    expect(res.body).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      scope: "openid profile aliuid permissions /acs/ram",
    });
    expect(typeof res.body.access_token).toBe("string");
    expect(typeof res.body.refresh_token).toBe("string");
    const [stored] = await db()
      .db.select()
      .from(s.accessTokens)
      .where(eq(s.accessTokens.tokenHash, sha256(res.body.access_token as string)));
    expect(stored).toBeDefined();
    const { payload, protectedHeader } = await jwtVerify(
      res.body.id_token as string,
      createLocalJWKSet((await getPublicJwks()) as never),
      {
        issuer: "http://localhost:3000",
        audience: clients.app.clientId,
      },
    );
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({
      nonce: "n-0S6_WzA2Mj",
      principal_type: "user",
      aid: "1580000000000001",
      name: "Alice",
      login_name: "alice",
      upn: "alice@acme.onaliyun.com",
    });
    expect(typeof payload.auth_time).toBe("number");
    expect(await userinfoStatus(res.body.access_token as string)).toBe(200);
  });

  it("accepts client_secret_post", async () => {
    const res = await exchangeCode(clients.app, await codeFor(db().db, clients.app, "bob@acme"), {}, "post");
    expect(res.status).toBe(200);
  });

  it("refuses a wrong secret with 401 invalid_client, with the Basic challenge when Basic was tried", async () => {
    const basic = await exchangeCode(
      clients.app,
      await codeFor(db().db, clients.app, "bob@acme"),
      {},
      { basic: [clients.app.clientId, "wrong-secret"] },
    );
    expect([basic.status, basic.body.error]).toEqual([401, "invalid_client"]);
    expect(basic.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expect(basic.headers.get("cache-control")).toBe("no-store");
    const post = await exchangeCode(
      { ...clients.app, secret: "wrong-secret" },
      await codeFor(db().db, clients.app, "bob@acme"),
      {},
      "post",
    );
    expect([post.status, post.body.error]).toEqual([401, "invalid_client"]);
    expect(post.headers.get("www-authenticate")).toBeNull();
  });

  it("refuses an unknown client, a confidential client without a secret, and two auth methods at once", async () => {
    const code = await codeFor(db().db, clients.app, "bob@acme");
    const unknown = await exchangeCode({ ...clients.app, clientId: "no-such-client" }, code);
    expect([unknown.status, unknown.body.error]).toEqual([401, "invalid_client"]);
    const none = await exchangeCode(clients.app, code, {}, "none");
    expect([none.status, none.body.error]).toEqual([401, "invalid_client"]);
    const both = await exchangeCode(clients.app, code, { client_secret: clients.app.secret! });
    expect([both.status, both.body.error]).toEqual([400, "invalid_request"]);
  });

  it("refuses a wrong redirect_uri with invalid_grant", async () => {
    const res = await exchangeCode(clients.app, await codeFor(db().db, clients.app, "alice@acme"), {
      redirect_uri: "http://127.0.0.1:8765/callback/",
    });
    expect([res.status, res.body.error]).toEqual([400, "invalid_grant"]);
  });

  it("refuses a missing or wrong PKCE verifier, a verifier for a code without a challenge (downgrade), and a code without PKCE", async () => {
    const missing = await postToken(clients.app, {
      grant_type: "authorization_code",
      code: await codeFor(db().db, clients.app, "alice@acme"),
      redirect_uri: clients.app.redirectUri,
    });
    expect([missing.status, missing.body.error]).toEqual([400, "invalid_grant"]);
    const wrong = await exchangeCode(clients.app, await codeFor(db().db, clients.app, "alice@acme"), {
      code_verifier: "x".repeat(43),
    });
    expect([wrong.status, wrong.body.error]).toEqual([400, "invalid_grant"]);
    const downgrade = await exchangeCode(
      clients.app,
      await codeFor(db().db, clients.app, "alice@acme", { challenge: null }),
    );
    expect([downgrade.status, downgrade.body.error]).toEqual([400, "invalid_grant"]);
    const noPkce = await postToken(clients.app, {
      grant_type: "authorization_code",
      code: await codeFor(db().db, clients.app, "alice@acme", { challenge: null }),
      redirect_uri: clients.app.redirectUri,
    });
    // PKCE for every client (OAuth 2.1): a confidential client's code without a challenge is refused too.
    expect([noPkce.status, noPkce.body.error]).toEqual([400, "invalid_grant"]);
  });

  it("refuses a reused code and revokes what its first use issued", async () => {
    const code = await codeFor(db().db, clients.app, "alice@acme");
    const first = await exchangeCode(clients.app, code);
    expect(first.status).toBe(200);
    expect(await userinfoStatus(first.body.access_token as string)).toBe(200);
    const second = await exchangeCode(clients.app, code);
    expect([second.status, second.body.error]).toEqual([400, "invalid_grant"]);
    expect(await userinfoStatus(first.body.access_token as string)).toBe(401);
    const refresh = await refreshGrant(clients.app, first.body.refresh_token as string);
    expect([refresh.status, refresh.body.error]).toEqual([400, "invalid_grant"]);
  });

  it("two parallel exchanges of one code: the replay wins, no usable token comes out of either", async () => {
    const code = await codeFor(db().db, clients.app, "bob@acme");
    const results = await Promise.all([exchangeCode(clients.app, code), exchangeCode(clients.app, code)]);
    expect(results.filter((r) => r.status === 400 && r.body.error === "invalid_grant").length).toBeGreaterThanOrEqual(
      1,
    );
    for (const r of results.filter((x) => x.status === 200))
      expect(await userinfoStatus(r.body.access_token as string)).toBe(401);
  });

  it("refuses an expired code", async () => {
    const code = await codeFor(db().db, clients.app, "alice@acme");
    await db()
      .db.update(s.authCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(s.authCodes.codeHash, sha256(code)));
    const res = await exchangeCode(clients.app, code);
    expect([res.status, res.body.error]).toEqual([400, "invalid_grant"]);
  });

  it("refuses the code of another client, and burns it", async () => {
    const code = await codeFor(db().db, clients.app, "alice@acme");
    const res = await exchangeCode(clients.other, code, { redirect_uri: clients.app.redirectUri });
    expect([res.status, res.body.error]).toEqual([400, "invalid_grant"]);
    expect((await exchangeCode(clients.app, code)).body.error).toBe("invalid_grant");
  });

  it("refuses a code whose installation was deleted, or whose user was disabled", async () => {
    const code = await codeFor(db().db, clients.app, "carol@globex");
    const [row] = await db()
      .db.select({ installationId: s.authCodes.installationId })
      .from(s.authCodes)
      .where(eq(s.authCodes.codeHash, sha256(code)));
    await db().db.delete(s.installations).where(eq(s.installations.id, row!.installationId));
    const gone = await exchangeCode(clients.app, code);
    expect([gone.status, gone.body.error]).toEqual([400, "invalid_grant"]);
    const code2 = await codeFor(db().db, clients.app, "bob@acme");
    await db().db.update(s.ramUsers).set({ enabled: false }).where(eq(s.ramUsers.name, "bob"));
    const disabled = await exchangeCode(clients.app, code2);
    await db().db.update(s.ramUsers).set({ enabled: true }).where(eq(s.ramUsers.name, "bob"));
    expect([disabled.status, disabled.body.error]).toEqual([400, "invalid_grant"]);
  });

  it("serves public clients (NativeApp) with auth method none and PKCE only", async () => {
    const ok = await exchangeCode(clients.native, await codeFor(db().db, clients.native, "alice@acme"), {}, "none");
    expect(ok.status).toBe(200);
    const withoutPkce = await postToken(
      clients.native,
      {
        grant_type: "authorization_code",
        code: await codeFor(db().db, clients.native, "alice@acme", { challenge: null }),
        redirect_uri: clients.native.redirectUri,
      },
      "none",
    );
    expect([withoutPkce.status, withoutPkce.body.error]).toEqual([400, "invalid_grant"]);
    const withSecret = await exchangeCode(
      { ...clients.native, secret: "anything" },
      await codeFor(db().db, clients.native, "alice@acme"),
      {},
      "post",
    );
    expect([withSecret.status, withSecret.body.error]).toEqual([401, "invalid_client"]);
  });
});
