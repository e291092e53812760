import { getDb } from "@/db/client";
import { assignments } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { assertPrincipalInAccount } from "@/lib/ram/attachments/principal-exists";
import { requireAdmin } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { getOfficialInstallation } from "./official-queries";

export type AssigneeRef = Pick<typeof assignments.$inferSelect, "principalType" | "principalId">;

/** Create Assignment: lets RAM users and user groups of the account use an installed official application. */
export async function createAssignments({
  actor,
  clientId,
  assignees,
}: {
  actor: Principal;
  clientId: string;
  assignees: AssigneeRef[];
}): Promise<void> {
  if (assignees.length === 0 || assignees.length > 100)
    throw new AppError("invalid_input", "Select between 1 and 100 users or groups.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    const inst = await getOfficialInstallation(tx, actor.accountId, clientId);
    if (!inst) throw notFound("This official application is not installed in this account.");
    for (const a of assignees) {
      await assertPrincipalInAccount(tx, actor.accountId, a.principalType, a.principalId);
      await tx
        .insert(assignments)
        .values({ installationId: inst.installationId, ...a })
        .onConflictDoNothing();
    }
    await recordAudit(tx, actor, {
      action: "CreateAssignment",
      targetType: "application",
      targetId: clientId,
      detail: { assignees },
    });
  });
}
