import { getDb } from "@/db/client";
import { roleTrustees } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { assertPrincipalInAccount } from "../attachments/principal-exists";
import { requireAdmin } from "../require-role";
import type { Principal } from "../principal";
import { idSchema } from "../schemas";

/** Lets a RAM user of the account switch to a role of the account (adds it to the role's trust list). */
export async function addRoleTrustee({
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
    if (!idSchema.safeParse(userId).success) throw notFound("No such RAM user in this account.");
    const role = await assertPrincipalInAccount(tx, actor.accountId, "role", roleId);
    const user = await assertPrincipalInAccount(tx, actor.accountId, "user", userId);
    const added = await tx
      .insert(roleTrustees)
      .values({ roleId, userId })
      .onConflictDoNothing()
      .returning({ userId: roleTrustees.userId });
    if (added.length === 0) throw new AppError("conflict", `${user.name} may already switch to ${role.name}.`);
    await recordAudit(tx, actor, {
      action: "AddRoleTrustee",
      targetType: "role",
      targetId: roleId,
      detail: { userId, userName: user.name },
    });
  });
}
