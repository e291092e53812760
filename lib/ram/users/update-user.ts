import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { ramUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/crypto/password";
import { noSuchPrincipal } from "../attachments/principal-exists";
import { requireAdmin } from "../require-role";
import type { Principal } from "../principal";
import { updateUserSchema, type UpdateUserInput } from "../schemas";
import { revokeUserAccess } from "./revoke-user-access";

/** Changes display name, password or the enabled flag; disabling ends the user's sessions and app tokens. */
export async function updateUser({
  actor,
  userId,
  input,
}: {
  actor: Principal;
  userId: string;
  input: UpdateUserInput;
}) {
  const data = updateUserSchema.parse(input);
  const db = await getDb();
  await requireAdmin(db, actor);
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(ramUsers)
      .set({
        ...(data.displayName !== undefined ? { displayName: data.displayName } : {}),
        ...(data.enabled !== undefined ? { enabled: data.enabled } : {}),
        ...(passwordHash ? { passwordHash } : {}),
      })
      .where(and(eq(ramUsers.id, userId), eq(ramUsers.accountId, actor.accountId)))
      .returning({
        id: ramUsers.id,
        name: ramUsers.name,
        displayName: ramUsers.displayName,
        enabled: ramUsers.enabled,
      });
    if (!user) throw noSuchPrincipal("user");
    if (data.enabled === false || passwordHash) await revokeUserAccess(tx, userId);
    await recordAudit(tx, actor, {
      action: "UpdateUser",
      targetType: "user",
      targetId: userId,
      detail: {
        changed: Object.keys(data)
          .filter((k) => k !== "password")
          .concat(passwordHash ? ["password"] : []),
      },
    });
    return user;
  });
}
