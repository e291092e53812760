import type { Tx } from "@/db/client";
import type { Principal } from "../principal";
import { removeMembership } from "../named/membership";
import { revokeRoleAccess } from "./revoke-role-access";

/** Stops a RAM user from switching to a role; the user's current sessions in that role end too. */
export async function removeRoleTrustee({
  actor,
  roleId,
  userId,
}: {
  actor: Principal;
  roleId: string;
  userId: string;
}) {
  const missing = { key: "apiErrors.ram.notTrustee" };
  const after = async (tx: Tx) => ({ revokedGrants: (await revokeRoleAccess(tx, roleId, userId)).revokedGrants });
  await removeMembership({ actor, type: "role", id: roleId, userId }, { action: "RemoveRoleTrustee", missing, after });
}
