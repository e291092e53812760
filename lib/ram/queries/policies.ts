import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { policyAttachments, type PrincipalType } from "@/db/schema";
import { readerDb } from "../require-role";
import { systemPolicies } from "../policies";
import type { Read } from "./read";

/** The policies attached to one user, group or role, by name. */
export async function listAttachedPolicies(db: Db, accountId: string, type: PrincipalType, id: string) {
  return db
    .select({ policyName: policyAttachments.policyName, attachedAt: policyAttachments.createdAt })
    .from(policyAttachments)
    .where(
      and(
        eq(policyAttachments.accountId, accountId),
        eq(policyAttachments.principalType, type),
        eq(policyAttachments.principalId, id),
      ),
    )
    .orderBy(asc(policyAttachments.policyName));
}

/** The system policies, each with how many users, groups and roles of the account have it attached. */
export async function listPolicyUsage({ actor }: Read) {
  const db = await readerDb(actor);
  const accountId = actor.accountId;
  const rows = await db
    .select({ policyName: policyAttachments.policyName, type: policyAttachments.principalType, n: count() })
    .from(policyAttachments)
    .where(eq(policyAttachments.accountId, accountId))
    .groupBy(policyAttachments.policyName, policyAttachments.principalType);
  return systemPolicies.map((p) => {
    const n = (type: PrincipalType) => rows.find((r) => r.policyName === p.name && r.type === type)?.n ?? 0;
    return {
      name: p.name,
      description: p.description,
      policyType: "System" as const,
      users: n("user"),
      groups: n("group"),
      roles: n("role"),
    };
  });
}
