import type { Principal } from "../principal";
import { addMembership } from "../named/membership";

/** Lets a RAM user of the account switch to a role of the account (adds it to the role's trust list). */
export async function addRoleTrustee({ actor, roleId, userId }: { actor: Principal; roleId: string; userId: string }) {
  const conflict = (user: string, role: string) => ({ key: "apiErrors.ram.alreadyTrustee", values: { user, role } });
  await addMembership({ actor, type: "role", id: roleId, userId }, { action: "AddRoleTrustee", conflict });
}
