import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, approvalRequests } from "@/db/schema";
import { SWEEP_BATCH } from "./sweep-expired";

/** pg_try_advisory_xact_lock key of this sweep (72471003 and 72471004 are the expired-state and audit sweeps'). */
const APPROVAL_SWEEP_LOCK = 72471005;

const r = approvalRequests;

/**
 * Answered requests for approval are history (the Answered list): they are kept as long as the
 * account keeps its operation logs (`audit_retention_days`), whose events record the same decisions,
 * then deleted with their requesters (cascade). A pending request is never swept: it waits for an
 * administrator. Per account and status the answered rows past the cutoff are a range at the start
 * of `approval_requests_account_status` (account, status, updated_at), so a sweep reads only what it
 * deletes; at most `batch` per run, under its own advisory lock. Returns the number deleted.
 */
export async function sweepAnsweredApprovals(db: Db, opts: { batch?: number } = {}): Promise<number> {
  const batch = opts.batch ?? SWEEP_BATCH;
  return db.transaction(async (tx) => {
    const locked = await tx.execute<{ ok: boolean }>(
      sql`select pg_try_advisory_xact_lock(${APPROVAL_SWEEP_LOCK}) as ok`,
    );
    if (!locked.rows[0]?.ok) return 0;
    const expired = sql`select old.id from ${accounts}
      cross join (values ('approved'), ('denied')) as answered(status)
      cross join lateral (
        select ${r.id} as id from ${r}
        where ${r.accountId} = ${accounts.id} and ${r.status} = answered.status
          and ${r.updatedAt} < now() - make_interval(days => ${accounts.auditRetentionDays})
        order by ${r.updatedAt} limit ${batch}) old
      limit ${batch}`;
    const gone = await tx.execute(sql`delete from ${r} where ${r.id} = any(array(${expired})) returning ${r.id}`);
    return gone.rows.length;
  });
}
