import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { groupMembers, policyAttachments } from "@/db/schema";
import { adminPolicies, readPolicies } from "./policies";
import type { Principal } from "./principal";

type Reader = Db | Tx;
/** The part of a Principal its policies depend on. */
type PolicyHolder = Pick<Principal, "kind" | "accountId" | "userId" | "roleId">;
type Ref = AnyColumn | SQL;

/** The owner is implicitly `AdministratorAccess`. */
const OWNER_POLICIES = ["AdministratorAccess"];

/** A json array of the distinct policy names attached where `attached` holds, sorted by name ('[]' for none). */
function namesWhere(accountId: Ref, attached: SQL): SQL<string[]> {
  return sql<
    string[]
  >`coalesce((select json_agg(distinct ${policyAttachments.policyName} order by ${policyAttachments.policyName})
    from ${policyAttachments} where ${policyAttachments.accountId} = ${accountId} and (${attached})), '[]'::json)`;
}

/** A role session acts with the role's policies only (RAM). */
function rolePoliciesSql(accountId: Ref, roleId: Ref): SQL<string[]> {
  return namesWhere(
    accountId,
    sql`${policyAttachments.principalType} = 'role' and ${policyAttachments.principalId} = ${roleId}`,
  );
}

/** A RAM user's own policies and its groups'. */
function userPoliciesSql(accountId: Ref, userId: Ref): SQL<string[]> {
  return namesWhere(
    accountId,
    sql`(${policyAttachments.principalType} = 'user' and ${policyAttachments.principalId} = ${userId})
      or (${policyAttachments.principalType} = 'group' and ${policyAttachments.principalId} in
        (select ${groupMembers.groupId} from ${groupMembers} where ${groupMembers.userId} = ${userId}))`,
  );
}

/**
 * The same rules as listPolicyNames as one SQL expression over a grant's columns (user null: the
 * owner; role set: a role session), for a statement that reads the policies with the token.
 */
export function policyNamesSql(cols: { accountId: AnyColumn; userId: AnyColumn; roleId: AnyColumn }): SQL<string[]> {
  return sql<string[]>`case when ${cols.userId} is null then ${JSON.stringify(OWNER_POLICIES)}::json
    when ${cols.roleId} is not null then ${rolePoliciesSql(cols.accountId, cols.roleId)}
    else ${userPoliciesSql(cols.accountId, cols.userId)} end`;
}

/**
 * The policies that apply to a principal: a RAM user's own and its groups'; a role session's, the
 * role's only (RAM: a role session acts with the role's policies). The owner is implicitly
 * `AdministratorAccess`. One prepared statement (every console page and API call reads them).
 */
export async function listPolicyNames(db: Reader, who: PolicyHolder): Promise<string[]> {
  if (who.kind === "owner") return [...OWNER_POLICIES];
  const account = sql`${sql.placeholder("accountId")}::uuid`;
  const principal = sql`${sql.placeholder("principalId")}::uuid`;
  const query =
    who.kind === "role"
      ? preparedOnce(db, "policy_names_role", () =>
          db
            .select({ names: rolePoliciesSql(account, principal) })
            .from(sql`(select 1) as one`)
            .prepare("policy_names_role"),
        )
      : preparedOnce(db, "policy_names_user", () =>
          db
            .select({ names: userPoliciesSql(account, principal) })
            .from(sql`(select 1) as one`)
            .prepare("policy_names_user"),
        );
  const [row] = await query.execute({
    accountId: who.accountId,
    principalId: who.kind === "role" ? who.roleId! : who.userId!,
  });
  return row?.names ?? [];
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
