import type { Principal } from "../principal";
import { addMembership } from "../named/membership";

/** Adds a RAM user of the account to a group of the account; the user then has the group's policies. */
export async function addGroupMember({
  actor,
  groupId,
  userId,
}: {
  actor: Principal;
  groupId: string;
  userId: string;
}) {
  const conflict = (user: string, group: string) => ({ key: "apiErrors.ram.alreadyMember", values: { user, group } });
  await addMembership({ actor, type: "group", id: groupId, userId }, { action: "AddUserToGroup", conflict });
}
