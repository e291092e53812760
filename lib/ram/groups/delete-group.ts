import { and, eq } from "drizzle-orm";
import { assignments } from "@/db/schema";
import { revokeUnassignedGrants } from "@/lib/apps/revoke-unassigned";
import { recordAudit } from "@/lib/audit";
import { deletePrincipal } from "../attachments/delete-principal";
import { noSuchPrincipal } from "../attachments/principal-exists";
import { adminTransaction } from "../require-role";
import type { Principal } from "../principal";
import { idSchema } from "../schemas";
import { groupInstallations } from "./group-installations";
import { groupMemberIds } from "./group-member-ids";

/**
 * Deletes a user group: its memberships (by the foreign key), policy attachments and app assignments
 * go with it. Members who are not assigned another way lose their tokens for those apps at once.
 */
export async function deleteGroup({ actor, groupId }: { actor: Principal; groupId: string }): Promise<void> {
  await adminTransaction(actor, async (tx) => {
    if (!idSchema.safeParse(groupId).success) throw noSuchPrincipal("group");
    // Read before the delete: the memberships go with the group.
    const members = await groupMemberIds(tx, groupId);
    const installationIds = await groupInstallations(tx, groupId);
    const { name } = await deletePrincipal(tx, actor.accountId, "group", groupId);
    await tx
      .delete(assignments)
      .where(and(eq(assignments.principalType, "group"), eq(assignments.principalId, groupId)));
    const revokedUsers = await revokeUnassignedGrants(tx, { installationIds, userIds: members });
    const detail = { name, revokedUsers };
    await recordAudit(tx, actor, { action: "DeleteGroup", targetType: "group", targetId: groupId, detail });
  });
}
