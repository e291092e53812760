import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, ramRoles, ramUsers } from "@/db/schema";
import { logonNameOf, roleSessionSubject, type Principal } from "@/lib/ram/principal";

/** Builds the Principal of a demo identity: "owner@acme", "alice@acme", "alice@acme as auditor". */
export async function principalOf(db: Db, who: string): Promise<Principal> {
  const [person, roleName] = who.split(" as ");
  const [name, alias] = person!.split("@");
  const [account] = await db.select().from(accounts).where(eq(accounts.alias, alias!));
  if (!account) throw new Error(`no account ${alias}`);
  const base = { accountId: account.id, accountUid: account.uid, accountAlias: account.alias };
  if (name === "owner") {
    return { ...base, kind: "owner", userId: null, roleId: null, roleName: null, subject: account.ownerSubject, displayName: account.ownerEmail, logonName: account.ownerEmail };
  }
  const [user] = await db.select().from(ramUsers).where(and(eq(ramUsers.accountId, account.id), eq(ramUsers.name, name!)));
  if (!user) throw new Error(`no user ${who}`);
  const logonName = logonNameOf(user.name, account.alias);
  if (!roleName) {
    return { ...base, kind: "user", userId: user.id, roleId: null, roleName: null, subject: user.subject, displayName: user.displayName, logonName };
  }
  const [role] = await db.select().from(ramRoles).where(and(eq(ramRoles.accountId, account.id), eq(ramRoles.name, roleName)));
  if (!role) throw new Error(`no role ${roleName}`);
  return { ...base, kind: "role", userId: user.id, roleId: role.id, roleName: role.name, subject: roleSessionSubject(role.id, user.subject), displayName: user.displayName, logonName };
}
