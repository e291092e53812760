import { and, eq, sql } from "drizzle-orm";
import { applications, approvalRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { adminTransaction } from "@/lib/ram/require-role";
import { actorLabel, type Principal } from "@/lib/ram/principal";
import { lockPendingRequest } from "./approval-state";
import { checkReason } from "./request-approval";

/**
 * Deny: an administrator answers a pending request with a reason, which the people who asked see
 * the next time they open the application (the consent screen). Nothing is installed; they may ask
 * again, which opens a new request.
 */
export async function denyRequest(opts: { actor: Principal; requestId: string; reason: string }) {
  const { actor, requestId } = opts;
  const reason = opts.reason.trim();
  if (reason.length === 0) throw new AppError("invalid_input", { key: "approvals.errors.reasonRequired" });
  checkReason(reason);
  return adminTransaction(actor, async (tx) => {
    const request = await lockPendingRequest(tx, actor.accountId, requestId);
    if (!request) throw new AppError("not_found", { key: "approvals.errors.requestNotFound" });
    const [denied] = await tx
      .update(approvalRequests)
      .set({ status: "denied", denyReason: reason, decidedBy: actorLabel(actor), decidedAt: sql`now()` })
      .from(applications)
      .where(and(eq(approvalRequests.id, requestId), eq(applications.id, approvalRequests.applicationId)))
      .returning({ clientId: applications.clientId, name: applications.name, decidedAt: approvalRequests.decidedAt });
    await recordAudit(tx, actor, {
      action: "DenyApplicationRequest",
      targetType: "application",
      targetId: denied!.clientId,
      detail: { requestId, reason, requesters: request.requesters },
    });
    return { requestId, clientId: denied!.clientId, name: denied!.name, status: "denied" as const, reason };
  });
}
