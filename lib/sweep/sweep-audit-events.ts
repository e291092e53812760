import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, auditEvents } from "@/db/schema";
import { SWEEP_BATCH } from "./sweep-expired";

/** Events without an account (an MCP host registering itself) are kept this long. */
export const SYSTEM_AUDIT_RETENTION_DAYS = 180;
/** pg_try_advisory_xact_lock key of the retention sweep (72471003 is the expired-state sweep's). */
const AUDIT_SWEEP_LOCK = 72471004;

/**
 * Operation-log retention: deletes, in one short transaction, at most `batch` events older than
 * their account's `audit_retention_days` (system events: SYSTEM_AUDIT_RETENTION_DAYS). Per account
 * the cutoff is a range on `audit_events_account_time`, so a sweep never reads the live events. Run
 * by the sweeper after the expired-state sweep; `SKIP LOCKED` keeps two sweepers out of each other's way.
 * Returns the number deleted (0 when another process holds the lock).
 */
export async function sweepAuditEvents(db: Db, opts: { batch?: number } = {}): Promise<number> {
  const batch = opts.batch ?? SWEEP_BATCH;
  return db.transaction(async (tx) => {
    const locked = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${AUDIT_SWEEP_LOCK}) as ok`);
    if (!locked.rows[0]?.ok) return 0;
    const expired = tx
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .innerJoin(accounts, sql`${accounts.id} = ${auditEvents.accountId}`)
      .where(sql`${auditEvents.createdAt} < now() - make_interval(days => ${accounts.auditRetentionDays})`)
      .limit(batch)
      .for("update", { of: auditEvents, skipLocked: true });
    const system = tx
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        sql`${auditEvents.accountId} is null and ${auditEvents.createdAt} < now() - make_interval(days => ${SYSTEM_AUDIT_RETENTION_DAYS})`,
      )
      .limit(batch)
      .for("update", { skipLocked: true });
    const gone = await tx.delete(auditEvents).where(inArray(auditEvents.id, expired)).returning({ id: auditEvents.id });
    const goneSystem = await tx
      .delete(auditEvents)
      .where(inArray(auditEvents.id, system))
      .returning({ id: auditEvents.id });
    return gone.length + goneSystem.length;
  });
}
