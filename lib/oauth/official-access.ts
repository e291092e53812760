import { and, eq, inArray, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { assignments, groupMembers, personalConsents } from "@/db/schema";
import type { Principal } from "@/lib/ram/principal";

export type OfficialAccess = "ok" | "unassigned" | "needs-consent";

/** Is the person assigned to this official application (directly or through a group)? The owner always is. */
export async function isAssigned(db: Db | Tx, installationId: string, principal: Pick<Principal, "kind" | "userId">): Promise<boolean> {
  if (principal.kind === "owner" || !principal.userId) return true;
  const [row] = await db
    .select({ id: assignments.principalId })
    .from(assignments)
    .where(
      and(
        eq(assignments.installationId, installationId),
        or(
          and(eq(assignments.principalType, "user"), eq(assignments.principalId, principal.userId)),
          and(
            eq(assignments.principalType, "group"),
            inArray(assignments.principalId, db.select({ id: groupMembers.groupId }).from(groupMembers).where(eq(groupMembers.userId, principal.userId))),
          ),
        ),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function checkOfficialAccess(db: Db | Tx, opts: { installationId: string; principal: Principal }): Promise<OfficialAccess> {
  if (!(await isAssigned(db, opts.installationId, opts.principal))) return "unassigned";
  const [consent] = await db
    .select({ subject: personalConsents.subject })
    .from(personalConsents)
    .where(and(eq(personalConsents.installationId, opts.installationId), eq(personalConsents.subject, opts.principal.subject)));
  return consent ? "ok" : "needs-consent";
}
