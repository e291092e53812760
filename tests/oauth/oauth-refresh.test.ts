import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import { userinfoEndpoint } from "@/lib/oauth/userinfo-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import { answer, userinfoRequest, postToken, userinfoStatus } from "../fixtures/oauth-fixtures";
import { refreshGrant, setupDemoTokens } from "../fixtures/token-requests";

const db = setupSeededDatabase();
const { clients, tokensFor } = setupDemoTokens(db);

describe(`token endpoint: refresh_token on ${process.env.TEST_DB}`, () => {
  it("rotates: a new access and refresh token (and ID token), the old access token still works", async () => {
    const first = await tokensFor("alice@acme");
    const res = await refreshGrant(clients.app, first.refresh_token);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toMatchObject({ token_type: "Bearer", scope: first.scope });
    expect(res.body.refresh_token).not.toBe(first.refresh_token);
    expect(typeof res.body.id_token).toBe("string");
    expect(await userinfoStatus(res.body.access_token as string)).toBe(200);
  });

  it("treats a second use of a refresh token as replay and revokes the whole chain", async () => {
    const first = await tokensFor("alice@acme");
    const second = await refreshGrant(clients.app, first.refresh_token);
    expect(second.status).toBe(200);
    const replay = await refreshGrant(clients.app, first.refresh_token);
    expect([replay.status, replay.body.error]).toEqual([400, "invalid_grant"]);
    const next = await refreshGrant(clients.app, second.body.refresh_token as string);
    expect([next.status, next.body.error]).toEqual([400, "invalid_grant"]);
    expect(await userinfoStatus(second.body.access_token as string)).toBe(401);
    expect(await userinfoStatus(first.access_token)).toBe(401);
  });

  it("lets exactly one of two parallel refreshes of one token succeed", async () => {
    const first = await tokensFor("bob@acme");
    const results = await Promise.all([
      refreshGrant(clients.app, first.refresh_token),
      refreshGrant(clients.app, first.refresh_token),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(results.find((r) => r.status === 400)!.body.error).toBe("invalid_grant");
    // The loser presented a rotated token: that is replay (RFC 9700 §4.14.2), so the chain is revoked.
    const winner = results.find((r) => r.status === 200)!;
    expect((await refreshGrant(clients.app, winner.body.refresh_token as string)).body.error).toBe("invalid_grant");
  });

  it("refuses the refresh token of another client without rotating it", async () => {
    const first = await tokensFor("alice@acme");
    const stolen = await refreshGrant(clients.other, first.refresh_token);
    expect([stolen.status, stolen.body.error]).toEqual([400, "invalid_grant"]);
    expect((await refreshGrant(clients.app, first.refresh_token)).status).toBe(200);
  });

  it("narrows the scope on request, refuses widening it with invalid_scope (and keeps the token usable)", async () => {
    const first = await tokensFor("alice@acme", "openid profile aliuid");
    const wider = await refreshGrant(clients.app, first.refresh_token, { scope: "openid profile aliuid /acs/ram" });
    expect([wider.status, wider.body.error]).toEqual([400, "invalid_scope"]);
    const narrower = await refreshGrant(clients.app, first.refresh_token, { scope: "openid aliuid" });
    expect(narrower.status).toBe(200);
    expect(narrower.body.scope).toBe("openid aliuid");
    const claims = await answer(await userinfoEndpoint(userinfoRequest(narrower.body.access_token as string)));
    expect(claims.body.name).toBeUndefined();
    expect(claims.body.aid).toBe("1580000000000001");
    const back = await refreshGrant(clients.app, narrower.body.refresh_token as string, {
      scope: "openid profile aliuid",
    });
    expect([back.status, back.body.error]).toEqual([400, "invalid_scope"]);
  });

  it("refuses an unknown refresh token and a missing one", async () => {
    const unknown = await refreshGrant(clients.app, "not-a-token");
    expect([unknown.status, unknown.body.error]).toEqual([400, "invalid_grant"]);
    const missing = await postToken(clients.app, { grant_type: "refresh_token" });
    expect([missing.status, missing.body.error]).toEqual([400, "invalid_request"]);
  });

  it("refuses refresh once the RAM user is disabled", async () => {
    const { eq } = await import("drizzle-orm");
    const s = await import("@/db/schema");
    const first = await tokensFor("bob@acme");
    await db().db.update(s.ramUsers).set({ enabled: false }).where(eq(s.ramUsers.name, "bob"));
    const res = await refreshGrant(clients.app, first.refresh_token);
    expect(await userinfoStatus(first.access_token)).toBe(401);
    await db().db.update(s.ramUsers).set({ enabled: true }).where(eq(s.ramUsers.name, "bob"));
    expect([res.status, res.body.error]).toEqual([400, "invalid_grant"]);
  });
});

/** The stored expiry of a refresh token. */
async function refreshExpiry(token: string): Promise<Date> {
  const [row] = await db()
    .db.select({ expiresAt: schema.refreshTokens.expiresAt })
    .from(schema.refreshTokens)
    .where(eq(schema.refreshTokens.tokenHash, sha256(token)));
  return row!.expiresAt;
}

/** Moves a refresh token's stored expiry (instead of waiting for it). */
async function setRefreshExpiry(token: string, expiresAt: Date) {
  await db()
    .db.update(schema.refreshTokens)
    .set({ expiresAt })
    .where(eq(schema.refreshTokens.tokenHash, sha256(token)));
}

describe(`refresh token absolute lifetime on ${process.env.TEST_DB}`, () => {
  it("gives the rotated refresh token the same absolute expiry as the one the code exchange issued", async () => {
    const first = await tokensFor("alice@acme");
    const fixed = await refreshExpiry(first.refresh_token);
    // The family was issued an hour ago, as far as its expiry tells: rotation must not extend it.
    const nearEnd = new Date(fixed.getTime() - 3600_000);
    await setRefreshExpiry(first.refresh_token, nearEnd);
    const second = await refreshGrant(clients.app, first.refresh_token);
    expect(second.status).toBe(200);
    expect((await refreshExpiry(second.body.refresh_token as string)).getTime()).toBe(nearEnd.getTime());
    const third = await refreshGrant(clients.app, second.body.refresh_token as string);
    expect((await refreshExpiry(third.body.refresh_token as string)).getTime()).toBe(nearEnd.getTime());
  });

  it("refuses a refresh after the absolute lifetime with invalid_grant, even from a token rotated a moment ago", async () => {
    const first = await tokensFor("alice@acme");
    // The family's lifetime ends a minute from now: a rotation now must not give it a new one.
    const end = new Date(Date.now() + 60_000);
    await setRefreshExpiry(first.refresh_token, end);
    const rotated = await refreshGrant(clients.app, first.refresh_token);
    expect(rotated.status).toBe(200);
    const latest = rotated.body.refresh_token as string;
    expect((await refreshExpiry(latest)).getTime()).toBe(end.getTime());
    // Past that instant (moved, not waited for): the freshly rotated token is dead too.
    await setRefreshExpiry(latest, new Date(Date.now() - 1000));
    const late = await refreshGrant(clients.app, latest);
    expect([late.status, late.body.error]).toEqual([400, "invalid_grant"]);
  });
});
