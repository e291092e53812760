import { accounts, ramRoles, ramUsers } from "@/db/schema";
import { logonNameOf, type Principal } from "./principal";

/**
 * The columns a Principal is built from, selected over accounts joined with ram_users and ram_roles
 * (left joins: no user for the account owner, no role outside a role session). Used by the console
 * session and by the OAuth codes and tokens, so that both see the same person.
 */
export const principalColumns = {
  accountId: accounts.id,
  uid: accounts.uid,
  alias: accounts.alias,
  ownerEmail: accounts.ownerEmail,
  userId: ramUsers.id,
  userName: ramUsers.name,
  userDisplay: ramUsers.displayName,
  roleId: ramRoles.id,
  roleName: ramRoles.name,
};

export type PrincipalRow = {
  accountId: string;
  uid: string;
  alias: string;
  ownerEmail: string;
  userId: string | null;
  userName: string | null;
  userDisplay: string | null;
  roleId: string | null;
  roleName: string | null;
};

/**
 * The owner when the row has no RAM user, a role session when it has a role, the RAM user otherwise.
 * `subject` is the OIDC `sub`, which the caller knows: stored with a grant, or derived for a session.
 */
export function buildPrincipal(row: PrincipalRow, subject: string): Principal {
  const base = { accountId: row.accountId, accountUid: row.uid, accountAlias: row.alias, subject };
  if (!row.userId) {
    return {
      ...base,
      kind: "owner",
      userId: null,
      roleId: null,
      roleName: null,
      displayName: row.ownerEmail,
      logonName: row.ownerEmail,
    };
  }
  return {
    ...base,
    kind: row.roleId ? "role" : "user",
    userId: row.userId,
    roleId: row.roleId,
    roleName: row.roleName,
    displayName: row.userDisplay!,
    logonName: logonNameOf(row.userName!, row.alias),
  };
}
