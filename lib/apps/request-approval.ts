import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { approvalRequesters, approvalRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { takeAttempt } from "@/lib/auth/sign-in-throttle";
import { sha256 } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/errors";
import { isAdministrator } from "@/lib/ram/admin";
import { actorLabel, type Principal } from "@/lib/ram/principal";
import { askedScopes } from "./approval-scopes";
import { lockClient } from "./clients";
import { getInstallationId } from "./approval-state";

/** Requests for approval per person and window (fixed window, shared by every process: rate_limits). */
export const APPROVAL_REQUEST_LIMIT = { limit: 10, windowSeconds: 15 * 60 } as const;
export const REASON_MAX = 500;

/** A reason is at most REASON_MAX characters of storable text (no NUL, no lone surrogate: PostgreSQL text refuses them). */
export function checkReason(reason: string): void {
  if (reason.length > REASON_MAX)
    throw new AppError("invalid_input", { key: "approvals.errors.reasonTooLong", values: { max: REASON_MAX } });
  if (reason.includes("\u0000") || !reason.isWellFormed())
    throw new AppError("invalid_input", { key: "approvals.errors.reasonUnstorable" });
}

export type RequestApprovalResult = { requestId: string; repeated: boolean };

/**
 * Request approval, from the ask-an-administrator page: a person who cannot install a third-party
 * application asks the administrators to. Requests for the same application in the account fold
 * into its one pending request (ON CONFLICT on the partial unique index), and each person is one
 * requester of it: asking again updates their reason and time. Charged to the person's own counter
 * first, in its own statement, so that a refused request still counts.
 */
export async function requestApproval(opts: {
  actor: Principal;
  clientId: string;
  /** The scope the person's authorization request named. */
  scopes: string[];
  reason?: string;
}): Promise<RequestApprovalResult> {
  const { actor, clientId } = opts;
  const reason = (opts.reason ?? "").trim();
  checkReason(reason);
  const wait = await takeAttempt([`approval:${sha256(`${actor.accountId}:${actor.subject}`)}`], APPROVAL_REQUEST_LIMIT);
  if (wait > 0) throw new AppError("too_many_requests", { key: "approvals.errors.tooMany" }, { retryAfter: wait });
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Share-locked, as Grant does: a scope removed meanwhile is seen here, or waits for this transaction.
    const client = await lockClient(tx, clientId);
    if (!client || !client.thirdParty || client.accountId === actor.accountId || client.mcpClient)
      throw new AppError("not_found", { key: "approvals.errors.appNotFound" });
    if (await getInstallationId(tx, actor.accountId, client.id))
      throw new AppError("conflict", { key: "approvals.errors.alreadyInstalled", values: { app: client.name } });
    if (await isAdministrator(tx, actor))
      throw new AppError("conflict", { key: "approvals.errors.canInstall", values: { app: client.name } });
    const scopes = askedScopes(client.scopes, opts.scopes);
    const [request] = await tx
      .insert(approvalRequests)
      .values({ accountId: actor.accountId, applicationId: client.id, scopes })
      .onConflictDoUpdate({
        target: [approvalRequests.accountId, approvalRequests.applicationId],
        targetWhere: sql`${approvalRequests.status} = 'pending'`,
        // The request asks for every scope any of its requesters asked for.
        set: {
          scopes: sql`(select coalesce(jsonb_agg(distinct e.v order by e.v), '[]'::jsonb) from jsonb_array_elements_text(${approvalRequests.scopes} || excluded.scopes) as e(v))`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: approvalRequests.id });
    const [requester] = await tx
      .insert(approvalRequesters)
      .values({
        requestId: request!.id,
        subject: actor.subject,
        userId: actor.userId,
        label: actorLabel(actor),
        scopes,
        reason,
      })
      .onConflictDoUpdate({
        target: [approvalRequesters.requestId, approvalRequesters.subject],
        set: {
          scopes,
          label: actorLabel(actor),
          // Asking again without a reason keeps the one given before.
          reason: sql`case when excluded.reason = '' then ${approvalRequesters.reason} else excluded.reason end`,
          updatedAt: sql`now()`,
        },
      })
      // xmax is 0 for a row this statement inserted, and set for one it updated (PostgreSQL's system column).
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    const repeated = !requester!.inserted;
    await recordAudit(tx, actor, {
      action: "RequestApproval",
      targetType: "application",
      targetId: client.clientId,
      detail: { requestId: request!.id, scopes, reason, repeated },
    });
    return { requestId: request!.id, repeated };
  });
}
