import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assignments, policyAttachments, ramGroups } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { requireAdmin } from "../authorize";
import type { Principal } from "../principal";
import { idSchema } from "../schemas";

/** Deletes a user group: its memberships (by the foreign key), policy attachments and app assignments go with it. */
export async function deleteGroup({ actor, groupId }: { actor: Principal; groupId: string }): Promise<void> {
  const db = await getDb();
  await requireAdmin(db, actor);
  if (!idSchema.safeParse(groupId).success) throw notFound("No such user group in this account.");
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(ramGroups)
      .where(and(eq(ramGroups.id, groupId), eq(ramGroups.accountId, actor.accountId)))
      .returning({ name: ramGroups.name });
    if (!gone) throw notFound("No such user group in this account.");
    await tx.delete(policyAttachments).where(and(eq(policyAttachments.principalType, "group"), eq(policyAttachments.principalId, groupId)));
    await tx.delete(assignments).where(and(eq(assignments.principalType, "group"), eq(assignments.principalId, groupId)));
    await recordAudit(tx, actor, { action: "DeleteGroup", targetType: "group", targetId: groupId, detail: { name: gone.name } });
  });
}
