import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { approvalRequesters, approvalRequests, installations } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** The installation of an application in an account, by id, or null. */
export async function getInstallationId(db: Db | Tx, accountId: string, applicationId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: installations.id })
    .from(installations)
    .where(and(eq(installations.accountId, accountId), eq(installations.applicationId, applicationId)));
  return row?.id ?? null;
}

/** What became of the person's latest request for approval of an application, as the consent screen tells them. */
export type ApprovalState =
  | { status: "pending"; requestId: string; askedAt: Date }
  | { status: "approved"; requestId: string; askedAt: Date; decidedBy: string; decidedAt: Date }
  | { status: "denied"; requestId: string; askedAt: Date; decidedBy: string; decidedAt: Date; reason: string };

/**
 * The person's (subject's) latest request for this application in the account, or null when they
 * never asked. Indexed: approval_requests by (app, account), approval_requesters by its primary key.
 */
export async function getApprovalStateOf(
  db: Db | Tx,
  opts: { accountId: string; applicationId: string; subject: string },
): Promise<ApprovalState | null> {
  const [row] = await db
    .select({
      requestId: approvalRequests.id,
      status: approvalRequests.status,
      decidedBy: approvalRequests.decidedBy,
      decidedAt: approvalRequests.decidedAt,
      denyReason: approvalRequests.denyReason,
      askedAt: approvalRequesters.updatedAt,
    })
    .from(approvalRequests)
    .innerJoin(
      approvalRequesters,
      and(eq(approvalRequesters.requestId, approvalRequests.id), eq(approvalRequesters.subject, opts.subject)),
    )
    .where(and(eq(approvalRequests.applicationId, opts.applicationId), eq(approvalRequests.accountId, opts.accountId)))
    .orderBy(desc(approvalRequesters.updatedAt))
    .limit(1);
  if (!row) return null;
  const { requestId, askedAt } = row;
  if (row.status === "pending") return { status: "pending", requestId, askedAt };
  const decided = { requestId, askedAt, decidedBy: row.decidedBy ?? "", decidedAt: row.decidedAt ?? askedAt };
  return row.status === "approved"
    ? { status: "approved", ...decided }
    : { status: "denied", ...decided, reason: row.denyReason ?? "" };
}

/**
 * Installing an application answers the account's pending request for it: marked approved by the
 * installer, in the installation's transaction. installApp calls it before it inserts, so that it
 * takes the request's row lock before the installation's, the order Approve takes them in.
 */
export async function answerPendingRequest(
  tx: Tx,
  opts: { accountId: string; applicationId: string; decidedBy: string },
): Promise<string | null> {
  const [row] = await tx
    .update(approvalRequests)
    .set({ status: "approved", decidedBy: opts.decidedBy, decidedAt: sql`now()` })
    .where(
      and(
        eq(approvalRequests.accountId, opts.accountId),
        eq(approvalRequests.applicationId, opts.applicationId),
        eq(approvalRequests.status, "pending"),
      ),
    )
    .returning({ id: approvalRequests.id });
  return row?.id ?? null;
}

/**
 * A pending request of the account, row-locked until the transaction ends (a second Approve or
 * Deny waits, then finds it answered: 409), with how many people asked. 404 when the account has
 * no such request.
 */
export async function lockPendingRequest(tx: Tx, accountId: string, requestId: string) {
  const [row] = await tx
    .select({ id: approvalRequests.id, status: approvalRequests.status, scopes: approvalRequests.scopes })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.id, requestId), eq(approvalRequests.accountId, accountId)))
    .for("update");
  if (!row) return null;
  if (row.status !== "pending")
    throw new AppError("conflict", { key: "approvals.errors.alreadyAnswered", values: { status: row.status } });
  const [asked] = await tx
    .select({ n: count() })
    .from(approvalRequesters)
    .where(eq(approvalRequesters.requestId, requestId));
  return { ...row, requesters: asked?.n ?? 0 };
}
