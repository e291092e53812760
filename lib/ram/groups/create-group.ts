import { getDb } from "@/db/client";
import { ramGroups } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { requireAdmin } from "../require-role";
import type { Principal } from "../principal";
import { createGroupSchema, type CreateGroupInput } from "../schemas";

/** Creates a user group; a second group with the same name in the account is a conflict. */
export async function createGroup({ actor, input }: { actor: Principal; input: CreateGroupInput }) {
  const data = createGroupSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    // The unique index (account, name) decides, also when two administrators click at the same moment.
    const [group] = await tx
      .insert(ramGroups)
      .values({ accountId: actor.accountId, name: data.name, description: data.description })
      .onConflictDoNothing()
      .returning({
        id: ramGroups.id,
        name: ramGroups.name,
        description: ramGroups.description,
        createdAt: ramGroups.createdAt,
      });
    if (!group) throw new AppError("conflict", `A user group named ${data.name} already exists.`);
    await recordAudit(tx, actor, {
      action: "CreateGroup",
      targetType: "group",
      targetId: group.id,
      detail: { name: group.name },
    });
    return group;
  });
}
