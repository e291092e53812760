import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as impactRoute } from "@/app/api/v1/third-party-apps/[clientId]/impact/route";
import * as s from "@/db/schema";
import { deleteInstallation } from "@/lib/apps/delete-installation";
import { IMPACT_COUNT_LIMIT } from "@/lib/apps/installation-impact";
import { headersOf, ISSUER } from "../fixtures/audit-fixtures";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { createApp, install, issueTokens } from "../fixtures/third-party-apps-fixtures";

/** GET /api/v1/third-party-apps/{clientId}/impact: what Delete Application would stop, read by its dialog. */
const db = setupSeededDatabase();

async function impact(who: string, clientId: string) {
  const request = new Request(`${ISSUER}/api/v1/third-party-apps/${clientId}/impact`, {
    headers: await headersOf(db().db, who),
  });
  const res = await impactRoute(request, { params: Promise.resolve({ clientId }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe(`revoke impact on ${process.env.TEST_DB}`, () => {
  let app: { id: string; clientId: string };
  let installationId: string;
  beforeAll(async () => {
    const d = db().db;
    app = await createApp(d, { owner: "isv", name: "Impact App" });
    installationId = await install(d, { account: "acme", applicationId: app.id, scopes: ["openid"] });
    const person = (tokens: number, subject?: string) =>
      issueTokens(d, { account: "acme", applicationId: app.id, installationId, tokens, subject });
    const one = await person(4);
    await person(2);
    const revoked = await person(3);
    const sameSubject = (await d.select({ subject: s.grants.subject }).from(s.grants).where(eq(s.grants.id, one)))[0]!;
    await person(1, sameSubject.subject);
    // Not live: a revoked family, an expired access token, a rotated and a revoked refresh token.
    await d.update(s.grants).set({ revokedAt: new Date() }).where(eq(s.grants.id, revoked));
    await d.execute(
      sql`update access_tokens set expires_at = now() - interval '1 minute' where token_hash in (select token_hash from access_tokens where grant_id = ${one}::uuid limit 1)`,
    );
    await d.execute(
      sql`update refresh_tokens set rotated_at = now() where token_hash in (select token_hash from refresh_tokens where grant_id = ${one}::uuid limit 1)`,
    );
    await d.execute(
      sql`update refresh_tokens set revoked_at = now() where token_hash in (select token_hash from refresh_tokens where grant_id = ${one}::uuid and rotated_at is null limit 1)`,
    );
  });

  it("counts the people who used it, its live access and refresh tokens, and its last use, for readers", async () => {
    const { status, body } = await impact("bob@acme", app.clientId);
    expect(status).toBe(200);
    // Three people (one signed in twice); live: 4-1 + 2 + 1 access, 4-2 + 2 + 1 refresh.
    expect({ ...body, lastUsedAt: undefined }).toEqual({ people: 3, accessTokens: 6, refreshTokens: 5, limit: 10_000 });
    const newest = await db()
      .db.select({ at: sql<string>`max(created_at)` })
      .from(s.accessTokens)
      .where(eq(s.accessTokens.installationId, installationId));
    expect(Date.parse(body.lastUsedAt as string)).toBe(Date.parse(newest[0]!.at));
  });

  it("is 0 and never for an installation nobody used", async () => {
    const unused = await createApp(db().db, { owner: "isv", name: "Unused App" });
    await install(db().db, { account: "acme", applicationId: unused.id, scopes: ["openid"] });
    expect((await impact("admin@acme", unused.clientId)).body).toEqual({
      people: 0,
      accessTokens: 0,
      refreshTokens: 0,
      lastUsedAt: null,
      limit: 10_000,
    });
  });

  it("stops counting past its limit: a count of limit + 1 means more", async () => {
    const d = db().db;
    const busy = await createApp(d, { owner: "isv", name: "Busy App" });
    const installed = await install(d, { account: "acme", applicationId: busy.id, scopes: ["openid"] });
    await issueTokens(d, {
      account: "acme",
      applicationId: busy.id,
      installationId: installed,
      tokens: IMPACT_COUNT_LIMIT + 5,
    });
    const { body } = await impact("admin@acme", busy.clientId);
    expect(body).toMatchObject({
      people: 1,
      accessTokens: IMPACT_COUNT_LIMIT + 1,
      refreshTokens: IMPACT_COUNT_LIMIT + 1,
    });
  });

  it("is 403 for a person without a read policy and 404 for another account, an own app or after deletion", async () => {
    expect((await impact("alice@acme", app.clientId)).status).toBe(403);
    expect((await impact("admin@globex", app.clientId)).status).toBe(404);
    const own = await createApp(db().db, { owner: "acme", name: "Own App" });
    await install(db().db, { account: "acme", applicationId: own.id, scopes: ["openid"] });
    expect((await impact("admin@acme", own.clientId)).status).toBe(404);
    expect((await impact("admin@acme", "x".repeat(200))).status).toBe(404);
    await deleteInstallation({ actor: await principalOf(db().db, "admin@acme"), clientId: app.clientId });
    const gone = await impact("admin@acme", app.clientId);
    expect([gone.status, gone.body.error]).toEqual([404, "not_found"]);
  });
});
