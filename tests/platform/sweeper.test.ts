import { randomUUID } from "node:crypto";
import { eq, inArray, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import { getSigningKey } from "@/lib/oauth/keys";
import { sweepExpired, type SweepCounts } from "@/lib/sweep/sweep-expired";
import { setupSeededDatabase } from "../fixtures/db";
import { codeFor, demoClient, postToken, userinfoStatus, VERIFIER, type TestClient } from "../fixtures/oauth-fixtures";

const db = setupSeededDatabase();
let accountId: string;
let app: TestClient;

beforeAll(async () => {
  const [acme] = await db().db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.alias, "acme"));
  accountId = acme!.id;
  app = await demoClient(db().db);
  // The real active key exists before any test row: the sweep must never take it.
  await getSigningKey();
});

const HOUR = 3600_000;
/** Long expired (beyond the grace), just expired (within it), and live. */
const ago = (ms: number) => new Date(Date.now() - ms);
const OLD = () => ago(2 * HOUR);
const RECENT = () => ago(60_000);
const LIVE = () => new Date(Date.now() + HOUR);

const person = () => ({
  accountId,
  applicationId: randomUUID(),
  installationId: randomUUID(),
  userId: null,
  roleId: null,
  subject: randomUUID(),
  scope: "openid",
  authTime: new Date(),
});

async function grant(revoked = false): Promise<string> {
  const [row] = await db()
    .db.insert(s.grants)
    .values({ ...person(), revokedAt: revoked ? OLD() : null })
    .returning({ id: s.grants.id });
  return row!.id;
}

/** One row of every swept kind, keyed `${tag}`, expiring at `at`; refresh tokens in a dead (revoked) family. */
async function insertEveryKind(tag: string, at: Date): Promise<void> {
  const d = db().db;
  const dead = await grant(true);
  await d
    .insert(s.authCodes)
    .values({ codeHash: tag, ...person(), redirectUri: "http://x/cb", expiresAt: at, consumedAt: at });
  await d.insert(s.consentRequests).values({
    id: tag,
    sessionId: "s",
    applicationId: randomUUID(),
    params: { clientId: "c", redirectUri: "http://x/cb", scope: "openid" },
    kind: "install",
    expiresAt: at,
  });
  await d.insert(s.accessTokens).values({ tokenHash: tag, grantId: dead, installationId: randomUUID(), expiresAt: at });
  await d
    .insert(s.refreshTokens)
    .values({ tokenHash: tag, grantId: dead, installationId: randomUUID(), expiresAt: at });
  await d.insert(s.rateLimits).values({ key: tag, count: 3, resetAt: at });
  await d.insert(s.consoleSessions).values({ id: tag, accountId, expiresAt: at });
  await d
    .insert(s.signingKeys)
    .values({ kid: tag, publicJwk: {}, privateJwk: {}, retiredAt: ago(3 * HOUR), publishUntil: at });
}

/** Which of `keys` are still present, per table. */
async function present(keys: string[]) {
  const d = db().db;
  const pick = async (rows: Promise<{ k: string }[]>) => (await rows).map((r) => r.k).sort();
  return {
    authCodes: await pick(
      d.select({ k: s.authCodes.codeHash }).from(s.authCodes).where(inArray(s.authCodes.codeHash, keys)),
    ),
    consentRequests: await pick(
      d.select({ k: s.consentRequests.id }).from(s.consentRequests).where(inArray(s.consentRequests.id, keys)),
    ),
    accessTokens: await pick(
      d.select({ k: s.accessTokens.tokenHash }).from(s.accessTokens).where(inArray(s.accessTokens.tokenHash, keys)),
    ),
    refreshTokens: await pick(
      d.select({ k: s.refreshTokens.tokenHash }).from(s.refreshTokens).where(inArray(s.refreshTokens.tokenHash, keys)),
    ),
    rateLimits: await pick(d.select({ k: s.rateLimits.key }).from(s.rateLimits).where(inArray(s.rateLimits.key, keys))),
    consoleSessions: await pick(
      d.select({ k: s.consoleSessions.id }).from(s.consoleSessions).where(inArray(s.consoleSessions.id, keys)),
    ),
    signingKeys: await pick(
      d.select({ k: s.signingKeys.kid }).from(s.signingKeys).where(inArray(s.signingKeys.kid, keys)),
    ),
  };
}

const everywhere = (keys: string[]) => {
  const sorted = [...keys].sort();
  return {
    authCodes: sorted,
    consentRequests: sorted,
    accessTokens: sorted,
    refreshTokens: sorted,
    rateLimits: sorted,
    consoleSessions: sorted,
    signingKeys: sorted,
  };
};
const each = (n: number): SweepCounts => ({
  authCodes: n,
  consentRequests: n,
  accessTokens: n,
  refreshTokens: n,
  rateLimits: n,
  consoleSessions: n,
  signingKeys: n,
});

describe(`sweeper of expired state on ${process.env.TEST_DB}`, () => {
  it("deletes exactly the rows expired beyond the grace margin, of every kind, and keeps the others", async () => {
    await insertEveryKind("a-old", OLD());
    await insertEveryKind("a-recent", RECENT());
    await insertEveryKind("a-live", LIVE());
    const d = db().db;
    // Console sessions: revoked long ago goes, revoked a minute ago stays (for now).
    await d.insert(s.consoleSessions).values({ id: "a-revoked-old", accountId, expiresAt: LIVE(), revokedAt: OLD() });
    await d
      .insert(s.consoleSessions)
      .values({ id: "a-revoked-recent", accountId, expiresAt: LIVE(), revokedAt: RECENT() });
    // Refresh tokens of a live family: an old rotated one stays (reuse detection needs it), with the current one.
    const live = await grant();
    await d.insert(s.refreshTokens).values({
      tokenHash: "a-rotated",
      grantId: live,
      installationId: randomUUID(),
      expiresAt: OLD(),
      rotatedAt: OLD(),
    });
    await d
      .insert(s.refreshTokens)
      .values({ tokenHash: "a-current", grantId: live, installationId: randomUUID(), expiresAt: LIVE() });
    // A family whose every refresh token has expired is dead even if its grant was never revoked.
    const lapsed = await grant();
    await d.insert(s.refreshTokens).values({
      tokenHash: "a-lapsed-1",
      grantId: lapsed,
      installationId: randomUUID(),
      expiresAt: OLD(),
      rotatedAt: OLD(),
    });
    await d
      .insert(s.refreshTokens)
      .values({ tokenHash: "a-lapsed-2", grantId: lapsed, installationId: randomUUID(), expiresAt: OLD() });
    // A retired key still published stays; so does the active one.
    await d
      .insert(s.signingKeys)
      .values({ kid: "a-published", publicJwk: {}, privateJwk: {}, retiredAt: OLD(), publishUntil: LIVE() });
    const active = (await getSigningKey()).kid;

    const result = await sweepExpired(d);

    expect(result.ran).toBe(true);
    expect(await present(["a-old", "a-recent", "a-live"])).toEqual(everywhere(["a-recent", "a-live"]));
    const sessions = await d
      .select({ id: s.consoleSessions.id })
      .from(s.consoleSessions)
      .where(like(s.consoleSessions.id, "a-revoked-%"));
    expect(sessions.map((r) => r.id)).toEqual(["a-revoked-recent"]);
    const refresh = await d
      .select({ k: s.refreshTokens.tokenHash })
      .from(s.refreshTokens)
      .where(like(s.refreshTokens.tokenHash, "a-%"));
    expect(refresh.map((r) => r.k).sort()).toEqual(["a-current", "a-live", "a-recent", "a-rotated"]);
    const keys = await d.select({ kid: s.signingKeys.kid }).from(s.signingKeys);
    expect(keys.map((k) => k.kid)).toEqual(expect.arrayContaining([active, "a-published", "a-recent", "a-live"]));
    expect(keys.map((k) => k.kid)).not.toContain("a-old");
    expect(result.deleted).toEqual({ ...each(1), refreshTokens: 3, consoleSessions: 2 });
  });

  it("deletes at most the batch size per table in one sweep, the rest at the next ones", async () => {
    const tags = ["b-1", "b-2", "b-3", "b-4", "b-5"];
    for (const tag of tags) await insertEveryKind(tag, OLD());

    expect((await sweepExpired(db().db, { batch: 2 })).deleted).toEqual(each(2));
    expect(Object.values(await present(tags)).map((left) => left.length)).toEqual(Array(7).fill(3));
    expect((await sweepExpired(db().db, { batch: 2 })).deleted).toEqual(each(2));
    expect((await sweepExpired(db().db, { batch: 2 })).deleted).toEqual(each(1));
    expect(await present(tags)).toEqual(everywhere([]));
  });

  it.runIf(process.env.TEST_DB === "postgres")(
    "runs two sweeps at once without an error and deletes each row once",
    async () => {
      const tags = ["d-1", "d-2", "d-3", "d-4", "d-5"];
      for (const tag of tags) await insertEveryKind(tag, OLD());

      const results = await Promise.all([sweepExpired(db().db), sweepExpired(db().db), sweepExpired(db().db)]);

      const total = each(0);
      for (const r of results)
        for (const [table, n] of Object.entries(r.deleted)) total[table as keyof SweepCounts] += n;
      expect(total).toEqual(each(5));
      expect(results.some((r) => r.ran)).toBe(true);
      expect(await present(tags)).toEqual(everywhere([]));
    },
  );

  it.runIf(process.env.TEST_DB === "postgres")("leaves the sweep to the process holding the sweep lock", async () => {
    await insertEveryKind("e-1", OLD());
    const other = await db().pool!.connect();
    try {
      await other.query("select pg_advisory_lock(72471003)");
      expect(await sweepExpired(db().db)).toEqual({ ran: false, deleted: each(0) });
      expect(await present(["e-1"])).toEqual(everywhere(["e-1"]));
    } finally {
      await other.query("select pg_advisory_unlock(72471003)");
      other.release();
    }
    expect((await sweepExpired(db().db)).deleted).toEqual(each(1));
  });

  it.runIf(process.env.TEST_DB === "postgres")(
    "skips, without waiting, rows another transaction holds locked",
    async () => {
      await insertEveryKind("f-1", OLD());
      await insertEveryKind("f-2", OLD());
      const other = await db().pool!.connect();
      try {
        await other.query("begin");
        await other.query("select 1 from rate_limits where key = 'f-1' for update");
        const result = await sweepExpired(db().db);
        expect(result.deleted).toEqual({ ...each(2), rateLimits: 1 });
        expect((await present(["f-1", "f-2"])).rateLimits).toEqual(["f-1"]);
      } finally {
        await other.query("rollback");
        other.release();
      }
    },
  );

  it("still detects the replay of a rotated refresh token of a live family after a sweep", async () => {
    const code = await codeFor(db().db, app, "alice@acme");
    const first = await postToken(app, {
      grant_type: "authorization_code",
      code,
      redirect_uri: app.redirectUri,
      code_verifier: VERIFIER,
    });
    expect(first.status).toBe(200);
    const second = await postToken(app, {
      grant_type: "refresh_token",
      refresh_token: first.body.refresh_token as string,
    });
    expect(second.status).toBe(200);
    // The rotated token has long expired; its successor still lives, so the family does.
    await db()
      .db.update(s.refreshTokens)
      .set({ expiresAt: ago(24 * HOUR) })
      .where(eq(s.refreshTokens.tokenHash, sha256(first.body.refresh_token as string)));

    await sweepExpired(db().db);

    const replay = await postToken(app, {
      grant_type: "refresh_token",
      refresh_token: first.body.refresh_token as string,
    });
    expect([replay.status, replay.body.error]).toEqual([400, "invalid_grant"]);
    const next = await postToken(app, {
      grant_type: "refresh_token",
      refresh_token: second.body.refresh_token as string,
    });
    expect([next.status, next.body.error]).toEqual([400, "invalid_grant"]);
    expect(await userinfoStatus(second.body.access_token as string)).toBe(401);
  });
});
