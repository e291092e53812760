import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { setupSeededDatabase } from "../fixtures/db";
import { introspect, setupDemoTokens, userinfo } from "../fixtures/token-requests";

/** The introspection endpoint (RFC 7662), and the installation as the lifeline of every token. */
const db = setupSeededDatabase();
const { clients, tokensFor, refresh } = setupDemoTokens(db);

describe(`introspection on ${process.env.TEST_DB}`, () => {
  it("describes an active access token and refresh token of the calling client", async () => {
    const t = await tokensFor("bob@acme", "openid profile");
    const [user] = await db().db.select().from(s.ramUsers).where(eq(s.ramUsers.name, "bob"));
    const access = await introspect(clients.app, { token: t.access_token });
    expect(access.status).toBe(200);
    expect(access.body).toMatchObject({
      active: true,
      scope: "openid profile",
      client_id: clients.app.clientId,
      sub: user!.subject,
      token_type: "Bearer",
      iss: "http://localhost:3000",
      aud: "http://localhost:3000/api/v1",
    });
    expect((access.body.exp as number) - (access.body.iat as number)).toBe(3600);
    const rt = await introspect(clients.app, { token: t.refresh_token, token_type_hint: "refresh_token" }, "post");
    expect(rt.body).toMatchObject({ active: true, client_id: clients.app.clientId, sub: user!.subject });
  });

  it("says only active:false for another client's token, an unknown one, and a rotated refresh token", async () => {
    const t = await tokensFor("bob@acme");
    expect((await introspect(clients.other, { token: t.access_token })).body).toEqual({ active: false });
    expect((await introspect(clients.app, { token: "unknown" })).body).toEqual({ active: false });
    await refresh(t);
    expect((await introspect(clients.app, { token: t.refresh_token })).body).toEqual({ active: false });
  });

  it("authenticates the client and needs a token", async () => {
    const wrong = await introspect(clients.app, { token: "x" }, { basic: [clients.app.clientId, "wrong"] });
    expect([wrong.status, wrong.body.error]).toEqual([401, "invalid_client"]);
    const missing = await introspect(clients.app, {});
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
    expect((await introspect(clients.app, { token: t.access_token })).body).toEqual({ active: false });
    expect((await introspect(clients.app, { token: t.refresh_token })).body).toEqual({ active: false });
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
