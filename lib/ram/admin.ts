import { and, eq, inArray, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { groupMembers, policyAttachments } from "@/db/schema";
import { adminPolicies, readPolicies } from "./policies";
import type { Principal } from "./principal";

type Reader = Db | Tx;
/** The part of a Principal its policies depend on. */
type PolicyHolder = Pick<Principal, "kind" | "accountId" | "userId" | "roleId">;

/**
 * The policies that apply to a principal: a RAM user's own and its groups'; a role session's, the
 * role's only (RAM: a role session acts with the role's policies). The owner is implicitly
 * `AdministratorAccess`.
 */
export async function listPolicyNames(db: Reader, who: PolicyHolder): Promise<string[]> {
  if (who.kind === "owner") return ["AdministratorAccess"];
  const principalFilter =
    who.kind === "role"
      ? and(eq(policyAttachments.principalType, "role"), eq(policyAttachments.principalId, who.roleId!))
      : or(
          and(eq(policyAttachments.principalType, "user"), eq(policyAttachments.principalId, who.userId!)),
          and(
            eq(policyAttachments.principalType, "group"),
            inArray(
              policyAttachments.principalId,
              db.select({ id: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.userId, who.userId!)),
            ),
          ),
        );
  const rows = await db
    .selectDistinct({ name: policyAttachments.policyName })
    .from(policyAttachments)
    .where(and(eq(policyAttachments.accountId, who.accountId), principalFilter))
    .orderBy(policyAttachments.policyName);
  return rows.map((r) => r.name);
}

/**
 * "Is this principal an administrator of this account": the owner, or `AliyunRAMFullAccess` /
 * `AdministratorAccess` directly, through a group, or in the role of a role session.
 */
export async function isAdministrator(db: Reader, who: PolicyHolder): Promise<boolean> {
  return hasAny(await listPolicyNames(db, who), adminPolicies);
}

/** May read RAM: administrators and holders of `AliyunRAMReadOnlyAccess` / `ReadOnlyAccess`. */
export async function canReadRam(db: Reader, who: PolicyHolder): Promise<boolean> {
  return hasAny(await listPolicyNames(db, who), readPolicies);
}

export function hasAny(names: readonly string[], wanted: readonly string[]): boolean {
  return names.some((n) => wanted.includes(n));
}
