import { and, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, appScopes, applications, approvalRequests } from "@/db/schema";
import { PAGE_SIZE } from "@/db/paginate";
import { AppError } from "@/lib/errors";
import { approvalOffer } from "./approval-scopes";

export const APPROVAL_VIEWS = ["pending", "answered"] as const;
export type ApprovalView = (typeof APPROVAL_VIEWS)[number];

/** How many requesters a list row names; the request's own page names them all (up to REQUESTERS_MAX). */
const REQUESTERS_SHOWN = 3;
const REQUESTERS_MAX = 200;

export type Requester = { label: string; reason: string; askedAt: Date };

/** The latest `limit` requesters of the request row in the outer query, as JSON (one statement for a whole page). */
const requestersJson = (limit: number) =>
  sql<
    { label: string; reason: string; askedAt: string }[]
  >`(select coalesce(json_agg(json_build_object('label', q.label, 'reason', q.reason, 'askedAt', q.updated_at) order by q.updated_at desc), '[]'::json)
    from (select label, reason, updated_at from approval_requesters where request_id = "approval_requests"."id" order by updated_at desc limit ${limit}) q)`;

const requestColumns = (shown: number) => ({
  id: approvalRequests.id,
  status: approvalRequests.status,
  applicationId: applications.id,
  clientId: applications.clientId,
  name: applications.name,
  official: applications.official,
  provider: accounts.alias,
  scopes: approvalRequests.scopes,
  createdAt: approvalRequests.createdAt,
  updatedAt: approvalRequests.updatedAt,
  decidedBy: approvalRequests.decidedBy,
  decidedAt: approvalRequests.decidedAt,
  denyReason: approvalRequests.denyReason,
  requesterCount:
    sql<number>`(select count(*) from approval_requesters where request_id = "approval_requests"."id")`.mapWith(Number),
  requesters: requestersJson(shown),
  /** The exact position in the list (microseconds), for the next page's cursor. */
  position: sql<string>`to_char(${approvalRequests.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
});

/** Requests of the account with their application and its provider; the caller adds the rest of the WHERE. */
function selectRequests(db: Db | Tx, shown: number) {
  return db
    .select(requestColumns(shown))
    .from(approvalRequests)
    .innerJoin(applications, eq(applications.id, approvalRequests.applicationId))
    .innerJoin(accounts, eq(accounts.id, applications.accountId))
    .$dynamic();
}

type Row = Awaited<ReturnType<typeof selectRequests>>[number];

/** A keyset cursor: the last row's update time (to the microsecond) and id. */
export function encodeCursor(position: string, id: string): string {
  return Buffer.from(JSON.stringify([position, id])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(String(value[0])) &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(String(value[1]))
    )
      return [String(value[0]), String(value[1])];
  } catch {
    // fall through: not one of our cursors
  }
  throw new AppError("invalid_input", { key: "approvals.errors.badCursor" });
}

export type ListApprovalOptions = { view?: ApprovalView; cursor?: string; pageSize?: number };

/**
 * One page of the account's requests for approval, newest activity first: pending ones (the
 * administrators' queue) or answered ones. Keyset pagination on (updated_at, id), served by the
 * approval_requests_account_status index: a page costs the same however deep it is.
 */
export async function listApprovalRequests(db: Db | Tx, accountId: string, opts: ListApprovalOptions = {}) {
  const pageSize = Math.min(100, Math.max(1, Math.floor(opts.pageSize ?? PAGE_SIZE)));
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  const view: SQL =
    opts.view === "answered" ? ne(approvalRequests.status, "pending") : eq(approvalRequests.status, "pending");
  const rows = await selectRequests(db, REQUESTERS_SHOWN)
    .where(
      and(
        eq(approvalRequests.accountId, accountId),
        view,
        after
          ? sql`(${approvalRequests.updatedAt}, ${approvalRequests.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(approvalRequests.updatedAt), desc(approvalRequests.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: await withOffers(db, page),
    nextCursor: rows.length > pageSize && last ? encodeCursor(last.position, last.id) : null,
  };
}

/** How many requests wait for an answer: the count on the Third-party Applications tab. */
export async function countPendingRequests(db: Db | Tx, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.accountId, accountId), eq(approvalRequests.status, "pending")));
  return row?.n ?? 0;
}

/** One request of the account with everyone who asked (up to 200, newest first), or null. */
export async function getApprovalRequest(db: Db | Tx, accountId: string, requestId: string) {
  const [row] = await selectRequests(db, REQUESTERS_MAX).where(
    and(eq(approvalRequests.id, requestId), eq(approvalRequests.accountId, accountId)),
  );
  if (!row) return null;
  const [item] = await withOffers(db, [row]);
  return item!;
}

/** Each request with what Approve offers now (the app's current scopes) and its requesters' times as dates. */
async function withOffers(db: Db | Tx, rows: Row[]) {
  const ids = [...new Set(rows.map((r) => r.applicationId))];
  const declared = ids.length
    ? await db
        .select({ applicationId: appScopes.applicationId, scope: appScopes.scope, required: appScopes.required })
        .from(appScopes)
        .where(inArray(appScopes.applicationId, ids))
        .orderBy(appScopes.scope)
    : [];
  // `position` is the cursor's business only: not part of the item.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  return rows.map(({ applicationId, position, requesters, ...r }) => ({
    ...r,
    requesters: requesters.map((q): Requester => ({ ...q, askedAt: new Date(q.askedAt) })),
    offer: approvalOffer(
      declared.filter((d) => d.applicationId === applicationId),
      r.scopes,
    ),
  }));
}

export type ApprovalRequestItem = Awaited<ReturnType<typeof withOffers>>[number];
