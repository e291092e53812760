import { and, inArray, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";
import {
  accessTokens,
  authCodes,
  consentRequests,
  consoleSessions,
  grants,
  rateLimits,
  refreshTokens,
  signingKeys,
} from "@/db/schema";

/** Rows per table one sweep deletes at most: a sweep stays a short transaction however much has piled up. */
export const SWEEP_BATCH = 1000;
/** Only rows expired longer ago than this go, so nothing a request in flight may still read disappears under it. */
export const SWEEP_GRACE_SECONDS = 10 * 60;
/** pg_try_advisory_xact_lock key: one sweeper at a time across every process on one PostgreSQL (72471001 is the migration lock, 72471002 the start-up data lock). */
const SWEEP_LOCK = 72471003;

export type SweepCounts = Record<
  "authCodes" | "consentRequests" | "accessTokens" | "refreshTokens" | "rateLimits" | "consoleSessions" | "signingKeys",
  number
>;
/** `ran` false: another process held the sweep lock, this one deleted nothing. */
export type SweepResult = { ran: boolean; deleted: SweepCounts };

/**
 * Deletes expired state, at most `batch` rows per table, in one transaction under a transaction-level
 * advisory lock (PGlite is one process and always gets it). Each batch is picked with
 * `FOR UPDATE SKIP LOCKED`, which also re-checks the condition on a row changed meanwhile (a throttle
 * window reset by a new failure is not deleted).
 *
 * What stays on purpose:
 * - a refresh token, even expired and rotated, while its grant is live (not revoked and holding an
 *   unexpired refresh token): presenting it again is reuse and must still revoke the grant (RFC 9700 §4.14.2);
 * - grants: they carry no secret, and they are the "users / last used" of an installation's detail.
 * A used code is kept until it expires (+ grace): its replay revokes what it issued (RFC 6749 §4.1.2),
 * later it is simply unknown. A retired signing key goes after `publish_until`: it signs only ID tokens,
 * which are not stored and expire before `publish_until`; access and refresh tokens are opaque hashes.
 */
export async function sweepExpired(db: Db, opts: { batch?: number; graceSeconds?: number } = {}): Promise<SweepResult> {
  const batch = opts.batch ?? SWEEP_BATCH;
  const cutoff = sql`now() - make_interval(secs => ${opts.graceSeconds ?? SWEEP_GRACE_SECONDS})`;
  return db.transaction(async (tx) => {
    const locked = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`);
    if (!locked.rows[0]?.ok) return { ran: false, deleted: zero() };
    const sweep = (table: PgTable, key: PgColumn, where: SQL | undefined) => deleteBatch(tx, table, key, where, batch);
    const deadFamily = and(
      lt(refreshTokens.expiresAt, cutoff),
      // The family is dead: its grant is revoked or gone, or no refresh token of it can be used any more.
      or(
        sql`not exists (select 1 from ${grants} where ${grants.id} = ${refreshTokens.grantId} and ${grants.revokedAt} is null)`,
        sql`not exists (select 1 from ${refreshTokens} live where live.grant_id = ${refreshTokens.grantId} and live.expires_at > now())`,
      ),
    );
    const endedSession = or(
      lt(consoleSessions.expiresAt, cutoff),
      and(isNotNull(consoleSessions.revokedAt), lt(consoleSessions.revokedAt, cutoff)),
    );
    // Never the active key (retired_at null): only retired keys past their publication.
    const pastPublication = and(
      isNotNull(signingKeys.retiredAt),
      isNotNull(signingKeys.publishUntil),
      lt(signingKeys.publishUntil, cutoff),
    );
    const deleted: SweepCounts = {
      authCodes: await sweep(authCodes, authCodes.codeHash, lt(authCodes.expiresAt, cutoff)),
      consentRequests: await sweep(consentRequests, consentRequests.id, lt(consentRequests.expiresAt, cutoff)),
      accessTokens: await sweep(accessTokens, accessTokens.tokenHash, lt(accessTokens.expiresAt, cutoff)),
      refreshTokens: await sweep(refreshTokens, refreshTokens.tokenHash, deadFamily),
      rateLimits: await sweep(rateLimits, rateLimits.key, lt(rateLimits.resetAt, cutoff)),
      consoleSessions: await sweep(consoleSessions, consoleSessions.id, endedSession),
      signingKeys: await sweep(signingKeys, signingKeys.kid, pastPublication),
    };
    return { ran: true, deleted };
  });
}

/** `delete … where key in (select key … limit n for update skip locked)`: bounded, and safe beside another sweeper. */
async function deleteBatch(
  tx: Tx,
  table: PgTable,
  key: PgColumn,
  where: SQL | undefined,
  batch: number,
): Promise<number> {
  const picked = tx.select({ key }).from(table).where(where).limit(batch).for("update", { skipLocked: true });
  const rows = await tx.delete(table).where(inArray(key, picked)).returning({ key });
  return rows.length;
}

function zero(): SweepCounts {
  return {
    authCodes: 0,
    consentRequests: 0,
    accessTokens: 0,
    refreshTokens: 0,
    rateLimits: 0,
    consoleSessions: 0,
    signingKeys: 0,
  };
}
