import { eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import { getSigningKey } from "@/lib/oauth/keys";
import { sweepExpired } from "@/lib/sweep/sweep-expired";
import { setupSeededDatabase } from "../fixtures/db";
import { codeFor, demoClient, userinfoStatus, type TestClient } from "../fixtures/oauth-fixtures";
import {
  ago,
  each,
  everywhere,
  family,
  grant,
  HOUR,
  insertEveryKind,
  LIVE,
  OLD,
  present,
  RECENT,
} from "../fixtures/sweep-rows";
import { exchangeCode, refreshGrant } from "../fixtures/token-requests";

/** The sweeper deletes expired state, batch by batch, and never what replay detection needs. Concurrent sweeps: sweeper-concurrency.test.ts. */
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

describe(`sweeper of expired state on ${process.env.TEST_DB}`, () => {
  it("deletes exactly the rows expired beyond the grace margin, of every kind, and keeps the others", async () => {
    await insertEveryKind(db().db, accountId, "a-old", OLD());
    await insertEveryKind(db().db, accountId, "a-recent", RECENT());
    await insertEveryKind(db().db, accountId, "a-live", LIVE());
    const d = db().db;
    // Console sessions: revoked long ago goes, revoked a minute ago stays (for now).
    await d.insert(s.consoleSessions).values({ id: "a-revoked-old", accountId, expiresAt: LIVE(), revokedAt: OLD() });
    await d
      .insert(s.consoleSessions)
      .values({ id: "a-revoked-recent", accountId, expiresAt: LIVE(), revokedAt: RECENT() });
    // Refresh tokens of a live family: an old rotated one stays (reuse detection needs it), with the current one.
    await family(d, await grant(d, accountId), [
      { tokenHash: "a-rotated", expiresAt: OLD(), rotatedAt: OLD() },
      { tokenHash: "a-current", expiresAt: LIVE() },
    ]);
    // A family whose every refresh token has expired is dead even if its grant was never revoked.
    await family(d, await grant(d, accountId), [
      { tokenHash: "a-lapsed-1", expiresAt: OLD(), rotatedAt: OLD() },
      { tokenHash: "a-lapsed-2", expiresAt: OLD() },
    ]);
    // A retired key still published stays; so does the active one.
    await d
      .insert(s.signingKeys)
      .values({ kid: "a-published", publicJwk: {}, privateJwk: {}, retiredAt: OLD(), publishUntil: LIVE() });
    const active = (await getSigningKey()).kid;

    const result = await sweepExpired(d);

    expect(result.ran).toBe(true);
    expect(await present(db().db, ["a-old", "a-recent", "a-live"])).toEqual(everywhere(["a-recent", "a-live"]));
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
    for (const tag of tags) await insertEveryKind(db().db, accountId, tag, OLD());

    expect((await sweepExpired(db().db, { batch: 2 })).deleted).toEqual(each(2));
    expect(Object.values(await present(db().db, tags)).map((left) => left.length)).toEqual(Array(7).fill(3));
    expect((await sweepExpired(db().db, { batch: 2 })).deleted).toEqual(each(2));
    expect((await sweepExpired(db().db, { batch: 2 })).deleted).toEqual(each(1));
    expect(await present(db().db, tags)).toEqual(everywhere([]));
  });

  it("still detects the replay of a rotated refresh token of a live family after a sweep", async () => {
    const code = await codeFor(db().db, app, "alice@acme");
    const first = await exchangeCode(app, code);
    expect(first.status).toBe(200);
    const second = await refreshGrant(app, first.body.refresh_token as string);
    expect(second.status).toBe(200);
    // The rotated token has long expired; its successor still lives, so the family does.
    await db()
      .db.update(s.refreshTokens)
      .set({ expiresAt: ago(24 * HOUR) })
      .where(eq(s.refreshTokens.tokenHash, sha256(first.body.refresh_token as string)));

    await sweepExpired(db().db);

    const replay = await refreshGrant(app, first.body.refresh_token as string);
    expect([replay.status, replay.body.error]).toEqual([400, "invalid_grant"]);
    const next = await refreshGrant(app, second.body.refresh_token as string);
    expect([next.status, next.body.error]).toEqual([400, "invalid_grant"]);
    expect(await userinfoStatus(second.body.access_token as string)).toBe(401);
  });
});
