import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { assignments, grants } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { isAssigned } from "@/lib/apps/official-access";
import { groupMemberIds } from "@/lib/ram/groups/group-member-ids";
import { writeOfficialInstallation, type AppRef } from "./app-write";
import type { AssigneeRef } from "./create-assignments";

/**
 * Delete Assignment. People who lose access with it (and are not assigned another way) lose their
 * tokens for this application at once: their token families are revoked.
 */
export async function deleteAssignment({ assignee, ...ref }: AppRef & { assignee: AssigneeRef }): Promise<void> {
  await writeOfficialInstallation(ref, async (tx, inst) => {
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
    if (removed.length === 0) throw notFound({ key: "apiErrors.apps.noSuchAssignment" });
    const affected =
      assignee.principalType === "user" ? [assignee.principalId] : await groupMemberIds(tx, assignee.principalId);
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
    return { action: "DeleteAssignment", detail: { ...assignee, revokedUsers: lost.length }, result: undefined };
  });
}
