import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { groupMembers } from "@/db/schema";
import { revokeUnassignedGrants } from "@/lib/apps/revoke-unassigned";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { assertPrincipalInAccount } from "../attachments/principal-exists";
import { requireAdmin } from "../require-role";
import type { Principal } from "../principal";
import { idSchema } from "../schemas";
import { groupInstallations } from "./group-installations";

/**
 * Removes a RAM user from a group; the user loses the group's policies at once, and the official
 * applications assigned to the group: their tokens for those apps are revoked in the same
 * transaction, unless they are still assigned another way.
 */
export async function removeGroupMember({
  actor,
  groupId,
  userId,
}: {
  actor: Principal;
  groupId: string;
  userId: string;
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    if (!idSchema.safeParse(groupId).success) throw notFound("No such user group in this account.");
    if (!idSchema.safeParse(userId).success) throw notFound("That RAM user is not a member of this group.");
    await assertPrincipalInAccount(tx, actor.accountId, "group", groupId);
    const removed = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
      .returning({ userId: groupMembers.userId });
    if (removed.length === 0) throw notFound("That RAM user is not a member of this group.");
    const revokedUsers = await revokeUnassignedGrants(tx, {
      installationIds: await groupInstallations(tx, groupId),
      userIds: [userId],
    });
    await recordAudit(tx, actor, {
      action: "RemoveUserFromGroup",
      targetType: "group",
      targetId: groupId,
      detail: { userId, revokedUsers },
    });
  });
}
