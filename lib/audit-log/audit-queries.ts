import { and, desc, eq, gte, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { encodeCursor, type AuditCursor, type AuditFilters } from "./audit-filters";

const e = auditEvents;

/** The columns of a row of the operation logs, and its keyset position (microseconds, UTC). */
const rowColumns = {
  id: e.id,
  createdAt: e.createdAt,
  at: sql<string>`to_char(${e.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as("at"),
  actor: e.actor,
  actorType: e.actorType,
  actorLogin: e.actorLogin,
  viaClientId: e.viaClientId,
  appClientId: e.appClientId,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  result: e.result,
  detail: e.detail,
};

export type AuditRow = {
  id: number;
  createdAt: Date;
  at: string;
  actor: string;
  actorType: (typeof auditEvents.$inferSelect)["actorType"];
  actorLogin: string | null;
  viaClientId: string | null;
  appClientId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  result: (typeof auditEvents.$inferSelect)["result"];
  detail: Record<string, unknown>;
};
export type AuditPage = { items: AuditRow[]; nextCursor: string | null };

/**
 * One keyset page of an account's events, newest first (created_at, id), after `cursor`. Each filter
 * is an equality on the column after account_id of its own index (audit_events_account_actor,
 * _action, _app, _via; the time range alone: _account_time), so a page reads `limit` index entries
 * however many events there are. The application filter matches the event's application or the
 * application whose token made the call: two index scans, merged (UNION ALL of two ordered, limited
 * halves; the second leaves out what the first has).
 */
export async function listAuditEvents(
  db: Db | Tx,
  accountId: string,
  filters: AuditFilters & { cursor?: AuditCursor; limit: number },
): Promise<AuditPage> {
  const { limit } = filters;
  const common = and(
    eq(e.accountId, accountId),
    filters.from ? gte(e.createdAt, filters.from) : undefined,
    filters.to ? lte(e.createdAt, filters.to) : undefined,
    filters.actor ? eq(e.actorLogin, filters.actor) : undefined,
    filters.action ? eq(e.action, filters.action) : undefined,
    filters.cursor
      ? sql`(${e.createdAt}, ${e.id}) < (${filters.cursor.at}::timestamptz, ${filters.cursor.id})`
      : undefined,
  );
  const page = (where: SQL | undefined) =>
    db
      .select(rowColumns)
      .from(e)
      .where(where)
      .orderBy(desc(e.createdAt), desc(e.id))
      .limit(limit + 1);
  const client = filters.clientId;
  const rows = client
    ? await unionAll(
        page(and(common, eq(e.appClientId, client))),
        page(and(common, eq(e.viaClientId, client), or(isNull(e.appClientId), ne(e.appClientId, client)))),
      )
        .orderBy(desc(sql`created_at`), desc(sql`id`))
        .limit(limit + 1)
    : await page(common);
  const items = (rows as AuditRow[]).slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at, id: last.id }) : null };
}
