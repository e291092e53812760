import type { Tx } from "@/db/client";
import { revokeUnassignedGrants } from "@/lib/apps/revoke-unassigned";
import type { Principal } from "../principal";
import { removeMembership } from "../named/membership";
import { groupInstallations } from "./group-installations";

/**
 * Removes a RAM user from a group; the user loses the group's policies at once, and the official
 * applications assigned to the group: their tokens for those apps are revoked in the same
 * transaction, unless they are still assigned another way.
 */
export async function removeGroupMember(ref: { actor: Principal; groupId: string; userId: string }): Promise<void> {
  const { actor, groupId, userId } = ref;
  const missing = { key: "apiErrors.ram.notMember" };
  const after = async (tx: Tx) => {
    const installationIds = await groupInstallations(tx, groupId);
    return { revokedUsers: await revokeUnassignedGrants(tx, { installationIds, userIds: [userId] }) };
  };
  await removeMembership(
    { actor, type: "group", id: groupId, userId },
    { action: "RemoveUserFromGroup", missing, after },
  );
}
