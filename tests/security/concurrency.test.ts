import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { validateAccessToken, validateRefreshToken } from "@/lib/oauth/token-validation";
import { setupSeededDatabase } from "../fixtures/db";
import { exchangeCode } from "../fixtures/token-requests";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { answer, codeFor, createClient, formRequest } from "../fixtures/oauth-fixtures";
import { ISSUER, send } from "../fixtures/route-cases";
import { newApp } from "../fixtures/security-targets";
import { issueTokens, liveTokens } from "../fixtures/third-party-apps-fixtures";

/**
 * Races on the same rows (real ones on PostgreSQL, with a pool of 20 connections; PGlite runs them
 * one after another). Parallel grants and parallel refreshes are in consent.test.ts and
 * oauth-refresh.test.ts.
 */
const db = setupSeededDatabase();

async function adminHeaders(n: number) {
  const who = n % 2 ? "owner@acme" : "admin@acme";
  return { cookie: (await sessionCookieFor(db().db, await principalOf(db().db, who))).cookie, origin: ISSUER };
}
const auditCount = async (action: string, targetId: string) =>
  (
    await db()
      .db.select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, action), eq(s.auditEvents.targetId, targetId)))
  ).length;
describe(`concurrency on ${process.env.TEST_DB}`, () => {
  it("10 parallel Delete Application of one installed app: exactly one 204, the others 404, no orphan, no live token", async () => {
    const d = db().db;
    const client = await createClient(d, "WebApp");
    await codeFor(d, client, "alice@acme");
    const [inst] = await d
      .select({ id: s.installations.id })
      .from(s.installations)
      .where(eq(s.installations.applicationId, client.id));
    const alice = await principalOf(d, "alice@acme");
    await d
      .insert(s.assignments)
      .values({ installationId: inst!.id, principalType: "user", principalId: alice.userId! });
    await d.insert(s.personalConsents).values({ installationId: inst!.id, subject: alice.subject });
    await issueTokens(d, { account: "acme", applicationId: client.id, installationId: inst!.id, tokens: 50 });
    expect(await liveTokens(d, inst!.id)).toEqual({ access: 50, refresh: 50 });

    const headers = await Promise.all(Array.from({ length: 10 }, (_, i) => adminHeaders(i)));
    const results = await Promise.all(
      headers.map((h) => send("DELETE /third-party-apps/[clientId]", { params: { clientId: client.clientId } }, h)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, ...Array(9).fill(404)]);
    for (const r of results.filter((x) => x.status === 404))
      expect(await r.json()).toMatchObject({ error: "not_found" });

    expect(await d.select().from(s.installations).where(eq(s.installations.id, inst!.id))).toEqual([]);
    expect(await d.select().from(s.assignments).where(eq(s.assignments.installationId, inst!.id))).toEqual([]);
    expect(await d.select().from(s.personalConsents).where(eq(s.personalConsents.installationId, inst!.id))).toEqual(
      [],
    );
    expect(await liveTokens(d, inst!.id)).toEqual({ access: 0, refresh: 0 });
    expect(await auditCount("DeleteApplication", inst!.id)).toBe(1);
  });

  it("10 parallel deletes of one enterprise application: exactly one 204, one audit event, the client is gone", async () => {
    const d = db().db;
    const app = await newApp(d, { owner: "acme", secrets: 2, scopes: ["profile"] });
    const headers = await Promise.all(Array.from({ length: 10 }, (_, i) => adminHeaders(i)));
    const results = await Promise.all(
      headers.map((h) => send("DELETE /apps/[clientId]", { params: { clientId: app.clientId } }, h)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, ...Array(9).fill(404)]);
    expect(await auditCount("DeleteApplication", app.clientId)).toBe(1);
    expect(await d.select().from(s.appSecrets).where(eq(s.appSecrets.applicationId, app.id))).toEqual([]);
    expect(await d.select().from(s.appScopes).where(eq(s.appScopes.applicationId, app.id))).toEqual([]);
  });

  it.each([1, 2, 3, 4])(
    "Delete Application racing 8 token exchanges (round %i): no token outlives the installation",
    async () => {
      const d = db().db;
      const client = await createClient(d, "WebApp");
      const codes: string[] = [];
      for (const who of [
        "alice@acme",
        "bob@acme",
        "admin@acme",
        "owner@acme",
        "alice@acme as auditor",
        "bob@acme",
        "alice@acme",
        "admin@acme",
      ]) {
        codes.push(await codeFor(d, client, who));
      }
      const [inst] = await d
        .select({ id: s.installations.id })
        .from(s.installations)
        .where(eq(s.installations.applicationId, client.id));
      const h = await adminHeaders(0);
      const exchanges = codes.map((c) => exchangeCode(client, c));
      const deletion = send("DELETE /third-party-apps/[clientId]", { params: { clientId: client.clientId } }, h);
      const [deleted, ...answers] = await Promise.all([deletion, ...exchanges]);
      expect(deleted.status).toBe(204);
      for (const a of answers) {
        // Either refused (the code's installation was gone) or issued, but then dead at once.
        expect([200, 400]).toContain(a.status);
        if (a.status === 400) expect(a.body.error).toBe("invalid_grant");
        if (a.status !== 200) continue;
        expect(await validateAccessToken(a.body.access_token as string)).toBeNull();
        expect(await validateRefreshToken(a.body.refresh_token as string)).toBeNull();
        const refreshed = await answer(
          await tokenEndpoint(
            formRequest("/oauth2/token", client, {
              grant_type: "refresh_token",
              refresh_token: a.body.refresh_token as string,
            }),
          ),
        );
        expect([refreshed.status, refreshed.body.error]).toEqual([400, "invalid_grant"]);
      }
      expect(await liveTokens(d, inst!.id)).toEqual({ access: 0, refresh: 0 });
      expect(await d.select().from(s.installations).where(eq(s.installations.applicationId, client.id))).toEqual([]);
    },
  );
});
