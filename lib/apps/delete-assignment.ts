import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assignments, grants, groupMembers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { isAssigned } from "@/lib/apps/official-access";
import { requireAdmin } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import type { AssigneeRef } from "./create-assignments";
import { getOfficialInstallation } from "./official-queries";

/**
 * Delete Assignment. People who lose access with it (and are not assigned another way) lose their
 * tokens for this application at once: their token families are revoked.
 */
export async function deleteAssignment({
  actor,
  clientId,
  assignee,
}: {
  actor: Principal;
  clientId: string;
  assignee: AssigneeRef;
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    const inst = await getOfficialInstallation(tx, actor.accountId, clientId);
    if (!inst) throw notFound("This official application is not installed in this account.");
    const removed = await tx
      .delete(assignments)
      .where(
        and(
          eq(assignments.installationId, inst.installationId),
          eq(assignments.principalType, assignee.principalType),
          eq(assignments.principalId, assignee.principalId),
        ),
      )
      .returning({ id: assignments.principalId });
    if (removed.length === 0) throw notFound("No such assignment.");
    const affected =
      assignee.principalType === "user"
        ? [assignee.principalId]
        : (
            await tx
              .select({ id: groupMembers.userId })
              .from(groupMembers)
              .where(eq(groupMembers.groupId, assignee.principalId))
          ).map((r) => r.id);
    const lost: string[] = [];
    for (const userId of affected)
      if (!(await isAssigned(tx, inst.installationId, { kind: "user", userId }))) lost.push(userId);
    if (lost.length) {
      await tx
        .update(grants)
        .set({ revokedAt: sql`now()` })
        .where(
          and(eq(grants.installationId, inst.installationId), inArray(grants.userId, lost), isNull(grants.revokedAt)),
        );
    }
    await recordAudit(tx, actor, {
      action: "DeleteAssignment",
      targetType: "application",
      targetId: clientId,
      detail: { ...assignee, revokedUsers: lost.length },
    });
  });
}
