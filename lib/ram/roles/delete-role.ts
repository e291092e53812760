import { and, eq } from "drizzle-orm";
import { ramRoles } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { deletePrincipal } from "../attachments/delete-principal";
import { noSuchPrincipal } from "../attachments/principal-exists";
import { adminTransaction } from "../require-role";
import type { Principal } from "../principal";
import { idSchema } from "../schemas";
import { revokeRoleAccess } from "./revoke-role-access";

/**
 * Deletes a RAM role with its policy attachments and trustees. Its role sessions end (the console
 * sessions fall back to their users; console_sessions.role_id is also set null by the foreign key)
 * and the application tokens issued to them are revoked.
 */
export async function deleteRole({ actor, roleId }: { actor: Principal; roleId: string }): Promise<void> {
  await adminTransaction(actor, async (tx) => {
    if (!idSchema.safeParse(roleId).success) throw noSuchPrincipal("role");
    const [role] = await tx
      .select({ name: ramRoles.name })
      .from(ramRoles)
      .where(and(eq(ramRoles.id, roleId), eq(ramRoles.accountId, actor.accountId)))
      .for("update");
    if (!role) throw noSuchPrincipal("role");
    const { revokedGrants } = await revokeRoleAccess(tx, roleId);
    await deletePrincipal(tx, actor.accountId, "role", roleId);
    const detail = { name: role.name, revokedGrants };
    await recordAudit(tx, actor, { action: "DeleteRole", targetType: "role", targetId: roleId, detail });
  });
}
