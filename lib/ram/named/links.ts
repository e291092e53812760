import { groupMembers, ramGroups, ramRoles, roleTrustees } from "@/db/schema";

/**
 * Groups and roles are alike: a named row of the account, and a table that links RAM users to it
 * (group members, role trustees). `owner` is the link's column that names the group or role.
 */
export const links = {
  group: {
    named: ramGroups,
    table: groupMembers,
    owner: groupMembers.groupId,
    row: (groupId: string, userId: string) => ({ groupId, userId }),
  },
  role: {
    named: ramRoles,
    table: roleTrustees,
    owner: roleTrustees.roleId,
    row: (roleId: string, userId: string) => ({ roleId, userId }),
  },
};
export type NamedType = keyof typeof links;

/** The columns a group or role shows. */
export function namedColumns(type: NamedType) {
  const t = links[type].named;
  return { id: t.id, name: t.name, description: t.description, createdAt: t.createdAt };
}
