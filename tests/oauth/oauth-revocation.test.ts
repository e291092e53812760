import { describe, expect, it } from "vitest";
import { setupSeededDatabase } from "../fixtures/db";
import { introspect, revoke, setupDemoTokens, userinfo } from "../fixtures/token-requests";

/** The revocation endpoint (RFC 7009): what a revoked token takes with it, and who may revoke. */
const db = setupSeededDatabase();
const { clients, tokensFor, refresh } = setupDemoTokens(db);

describe(`revocation on ${process.env.TEST_DB}`, () => {
  it("revokes an access token: userinfo 401, introspection inactive, the refresh token still works", async () => {
    const t = await tokensFor("alice@acme");
    const res = await revoke(clients.app, { token: t.access_token, token_type_hint: "access_token" });
    expect(res.status).toBe(200);
    expect((await userinfo(t.access_token)).status).toBe(401);
    expect((await introspect(clients.app, { token: t.access_token })).body).toEqual({ active: false });
    expect((await refresh(t)).status).toBe(200);
  });

  it("revokes a refresh token and its whole grant (RFC 7009 §2.1), with an unknown hint too", async () => {
    const t = await tokensFor("alice@acme");
    expect(
      (await revoke(clients.app, { token: t.refresh_token, token_type_hint: "something_else" }, "post")).status,
    ).toBe(200);
    const r = await refresh(t);
    expect([r.status, r.body.error]).toEqual([400, "invalid_grant"]);
    expect((await userinfo(t.access_token)).status).toBe(401);
  });

  it("answers 200 and changes nothing for another client's token or an unknown token", async () => {
    const t = await tokensFor("alice@acme");
    expect((await revoke(clients.other, { token: t.access_token })).status).toBe(200);
    expect((await revoke(clients.other, { token: t.refresh_token })).status).toBe(200);
    expect((await revoke(clients.app, { token: "no-such-token" })).status).toBe(200);
    expect((await userinfo(t.access_token)).status).toBe(200);
    expect((await refresh(t)).status).toBe(200);
  });

  it("authenticates the client: wrong secret 401 invalid_client, no token 400 invalid_request, public clients refused", async () => {
    const t = await tokensFor("alice@acme");
    const wrong = await revoke(clients.app, { token: t.access_token }, { basic: [clients.app.clientId, "wrong"] });
    expect([wrong.status, wrong.body.error]).toEqual([401, "invalid_client"]);
    expect((await userinfo(t.access_token)).status).toBe(200);
    const missing = await revoke(clients.app, {});
    expect([missing.status, missing.body.error]).toEqual([400, "invalid_request"]);
    const pub = await revoke(clients.native, { token: t.access_token }, "none");
    expect([pub.status, pub.body.error]).toEqual([401, "invalid_client"]);
  });
});
