import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, groupMembers, policyAttachments, ramUsers } from "@/db/schema";
import { adminPolicies } from "./policies";
import { logonNameOf } from "./principal";

/** Who can authorize applications for an account: the owner, and RAM users with an administrator policy (directly or through a group). */
export async function listAdministrators(db: Db | Tx, accountId: string): Promise<string[]> {
  const [account] = await db
    .select({ alias: accounts.alias, ownerEmail: accounts.ownerEmail })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account) return [];
  // The groups and the users that have an administrator policy attached directly.
  const holders = (type: "user" | "group") =>
    db
      .select({ id: policyAttachments.principalId })
      .from(policyAttachments)
      .where(
        and(
          eq(policyAttachments.accountId, accountId),
          eq(policyAttachments.principalType, type),
          inArray(policyAttachments.policyName, [...adminPolicies]),
        ),
      );
  const isAdmin = or(inArray(ramUsers.id, holders("user")), inArray(groupMembers.groupId, holders("group")));
  const users = await db
    .selectDistinct({ name: ramUsers.name })
    .from(ramUsers)
    .leftJoin(groupMembers, eq(groupMembers.userId, ramUsers.id))
    .where(and(eq(ramUsers.accountId, accountId), eq(ramUsers.enabled, true), isAdmin))
    .orderBy(asc(ramUsers.name));
  return [account.ownerEmail, ...users.map((u) => logonNameOf(u.name, account.alias))];
}
