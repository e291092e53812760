import { getDb } from "@/db/client";
import { groupMembers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { assertPrincipalInAccount } from "../attachments/principal-exists";
import { requireAdmin } from "../require-role";
import type { Principal } from "../principal";
import { idSchema } from "../schemas";

/** Adds a RAM user of the account to a group of the account; the user then has the group's policies. */
export async function addGroupMember({
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
    if (!idSchema.safeParse(userId).success) throw notFound("No such RAM user in this account.");
    const group = await assertPrincipalInAccount(tx, actor.accountId, "group", groupId);
    const user = await assertPrincipalInAccount(tx, actor.accountId, "user", userId);
    const added = await tx
      .insert(groupMembers)
      .values({ groupId, userId })
      .onConflictDoNothing()
      .returning({ userId: groupMembers.userId });
    if (added.length === 0) throw new AppError("conflict", `${user.name} is already a member of ${group.name}.`);
    await recordAudit(tx, actor, {
      action: "AddUserToGroup",
      targetType: "group",
      targetId: groupId,
      detail: { userId, userName: user.name },
    });
  });
}
