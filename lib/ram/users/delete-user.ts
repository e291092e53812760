import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { deletePrincipal } from "../attachments/delete-principal";
import { adminTransaction } from "../require-role";
import type { Principal } from "../principal";
import { revokeUserAccess } from "./revoke-user-access";

/** Deletes a RAM user with its policy attachments, memberships, sessions and app tokens. */
export async function deleteUser({ actor, userId }: { actor: Principal; userId: string }): Promise<void> {
  await adminTransaction(actor, async (tx) => {
    if (actor.userId === userId) throw new AppError("conflict", { key: "apiErrors.ram.cannotDeleteSelf" });
    await revokeUserAccess(tx, userId);
    const { name } = await deletePrincipal(tx, actor.accountId, "user", userId);
    await recordAudit(tx, actor, { action: "DeleteUser", targetType: "user", targetId: userId, detail: { name } });
  });
}
