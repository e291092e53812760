import { getDb } from "@/db/client";
import { ramRoles } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { requireAdmin } from "../require-role";
import type { Principal } from "../principal";
import { createRoleSchema, type CreateRoleInput } from "../schemas";

/** Creates a RAM role with no policies and nobody trusted to switch to it yet. */
export async function createRole({ actor, input }: { actor: Principal; input: CreateRoleInput }) {
  const data = createRoleSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    // The unique index (account, name) decides, also when two administrators click at the same moment.
    const [role] = await tx
      .insert(ramRoles)
      .values({ accountId: actor.accountId, name: data.name, description: data.description })
      .onConflictDoNothing()
      .returning({
        id: ramRoles.id,
        name: ramRoles.name,
        description: ramRoles.description,
        createdAt: ramRoles.createdAt,
      });
    if (!role) throw new AppError("conflict", `A RAM role named ${data.name} already exists.`);
    await recordAudit(tx, actor, {
      action: "CreateRole",
      targetType: "role",
      targetId: role.id,
      detail: { name: role.name },
    });
    return role;
  });
}
