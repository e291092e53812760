import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roleTrustees } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { assertPrincipalInAccount } from "../attachments/principal-exists";
import { requireAdmin } from "../require-role";
import type { Principal } from "../principal";
import { idSchema } from "../schemas";
import { revokeRoleAccess } from "./revoke-role-access";

/** Stops a RAM user from switching to a role; the user's current sessions in that role end too. */
export async function removeRoleTrustee({
  actor,
  roleId,
  userId,
}: {
  actor: Principal;
  roleId: string;
  userId: string;
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    if (!idSchema.safeParse(roleId).success) throw notFound("No such RAM role in this account.");
    if (!idSchema.safeParse(userId).success) throw notFound("That RAM user is not trusted by this role.");
    await assertPrincipalInAccount(tx, actor.accountId, "role", roleId);
    const removed = await tx
      .delete(roleTrustees)
      .where(and(eq(roleTrustees.roleId, roleId), eq(roleTrustees.userId, userId)))
      .returning({ userId: roleTrustees.userId });
    if (removed.length === 0) throw notFound("That RAM user is not trusted by this role.");
    const { revokedGrants } = await revokeRoleAccess(tx, roleId, userId);
    await recordAudit(tx, actor, {
      action: "RemoveRoleTrustee",
      targetType: "role",
      targetId: roleId,
      detail: { userId, revokedGrants },
    });
  });
}
