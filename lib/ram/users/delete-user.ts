import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { policyAttachments, ramUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { requireAdmin } from "../require-role";
import type { Principal } from "../principal";
import { revokeUserAccess } from "./revoke-user-access";

/** Deletes a RAM user with its policy attachments, memberships, sessions and app tokens. */
export async function deleteUser({ actor, userId }: { actor: Principal; userId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    if (actor.userId === userId) throw new AppError("conflict", "You cannot delete the RAM user you are signed in as.");
    await revokeUserAccess(tx, userId);
    const [gone] = await tx
      .delete(ramUsers)
      .where(and(eq(ramUsers.id, userId), eq(ramUsers.accountId, actor.accountId)))
      .returning({ name: ramUsers.name });
    if (!gone) throw notFound("No such RAM user in this account.");
    await tx
      .delete(policyAttachments)
      .where(and(eq(policyAttachments.principalType, "user"), eq(policyAttachments.principalId, userId)));
    await recordAudit(tx, actor, {
      action: "DeleteUser",
      targetType: "user",
      targetId: userId,
      detail: { name: gone.name },
    });
  });
}
