import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, auditEvents } from "@/db/schema";
import { SWEEP_BATCH } from "./sweep-expired";

/** Events without an account (an MCP host registering itself) are kept this long. */
export const SYSTEM_AUDIT_RETENTION_DAYS = 180;
/** pg_try_advisory_xact_lock key of the retention sweep (72471003 is the expired-state sweep's). */
const AUDIT_SWEEP_LOCK = 72471004;

const e = auditEvents;

/**
 * Operation-log retention: deletes, in one short transaction under its own advisory lock, at most
 * `batch` events (and `batch` system events) older than their account's `audit_retention_days` (events without an account:
 * SYSTEM_AUDIT_RETENTION_DAYS), oldest first. Per account the expired events are a range at the
 * start of `audit_events_account_time` (a LATERAL scan, ordered, limited), so a sweep never reads
 * the events it keeps, however many there are; the ids then go by primary key (`= any(array(…))`).
 * Run by the sweeper after the expired-state sweep. Returns the number deleted (0 when another
 * process holds the lock).
 */
export async function sweepAuditEvents(db: Db, opts: { batch?: number } = {}): Promise<number> {
  const batch = opts.batch ?? SWEEP_BATCH;
  return db.transaction(async (tx) => {
    const locked = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${AUDIT_SWEEP_LOCK}) as ok`);
    if (!locked.rows[0]?.ok) return 0;
    const perAccount = sql`select expired.id from ${accounts} cross join lateral (
        select ${e.id} as id from ${e}
        where ${e.accountId} = ${accounts.id}
          and ${e.createdAt} < now() - make_interval(days => ${accounts.auditRetentionDays})
        order by ${e.createdAt} limit ${batch}) expired
      limit ${batch}`;
    const system = sql`select ${e.id} from ${e}
      where ${e.accountId} is null and ${e.createdAt} < now() - make_interval(days => ${SYSTEM_AUDIT_RETENTION_DAYS})
      order by ${e.createdAt} limit ${batch}`;
    let deleted = 0;
    for (const ids of [perAccount, system]) {
      const gone = await tx.execute(sql`delete from ${e} where ${e.id} = any(array(${ids})) returning ${e.id}`);
      deleted += gone.rows.length;
    }
    return deleted;
  });
}
