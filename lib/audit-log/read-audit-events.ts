import { eq } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { readerDb } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import type { AuditPageQuery } from "./audit-filters";
import { resolveAuditEvents, type AuditEvent } from "./audit-links";
import { listAuditEvents } from "./audit-queries";

/**
 * The operation logs of the actor's account, one keyset page: for administrators and for holders
 * of a read policy (AliyunRAMReadOnlyAccess, ReadOnlyAccess), like every read of the console.
 */
export async function readAuditEvents({
  actor,
  query,
}: {
  actor: Principal;
  query: AuditPageQuery;
}): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const db = await readerDb(actor);
  const page = await listAuditEvents(db, actor.accountId, query);
  return { items: await resolveAuditEvents(db, actor.accountId, page.items), nextCursor: page.nextCursor };
}

/** How many days the actor's account keeps its operation logs. */
export async function readAuditRetention({ actor }: { actor: Principal }): Promise<{ retentionDays: number }> {
  const db = await readerDb(actor);
  const [row] = await db
    .select({ retentionDays: accounts.auditRetentionDays })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  return { retentionDays: row?.retentionDays ?? 0 };
}
