import { and, eq, inArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { applications, assignments, groupMembers, personalConsents } from "@/db/schema";
import type { Principal } from "@/lib/ram/principal";

/** A person's stored consent: what they chose and what they were offered (null: a row from before the choice). */
export type PersonalConsent = { scopes: string[] | null; offeredScopes: string[] | null };

export type OfficialAccess = { assigned: false } | { assigned: true; consent: PersonalConsent | null };

/** Is the person assigned to this official application (directly or through a group)? The owner always is. */
export async function isAssigned(
  db: Db | Tx,
  installationId: string,
  principal: Pick<Principal, "kind" | "userId">,
): Promise<boolean> {
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
            inArray(
              assignments.principalId,
              db
                .select({ id: groupMembers.groupId })
                .from(groupMembers)
                .where(eq(groupMembers.userId, principal.userId)),
            ),
          ),
        ),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Whether the person may use this official application, and the consent they already gave (per person: the subject). */
export async function checkOfficialAccess(
  db: Db | Tx,
  opts: { installationId: string; principal: Principal },
): Promise<OfficialAccess> {
  if (!(await isAssigned(db, opts.installationId, opts.principal))) return { assigned: false };
  const [consent] = await db
    .select({ scopes: personalConsents.scopes, offeredScopes: personalConsents.offeredScopes })
    .from(personalConsents)
    .where(
      and(
        eq(personalConsents.installationId, opts.installationId),
        eq(personalConsents.subject, opts.principal.subject),
      ),
    );
  return { assigned: true, consent: consent ?? null };
}

/**
 * The assignment rule as one SQL condition over a code's or grant's columns, for the token checks
 * (token validation, code exchange, refresh): true unless the application is another account's
 * official application and the RAM user is no longer assigned to it, directly or through a group.
 * The owner (`userId` null) always is. Needs `applications` joined (the installation's app).
 */
export function stillAssignedSql(cols: {
  installationId: AnyColumn;
  userId: AnyColumn | SQL;
  accountId: AnyColumn;
}): SQL {
  return sql`(${cols.userId} is null or not ${applications.official} or ${applications.accountId} = ${cols.accountId} or ${assignedSql(cols.installationId, cols.userId)})`;
}

/** Is this RAM user assigned to this installation, directly or through a group? Indexed: assignments by its primary key, group_members by user. */
export function assignedSql(installationId: AnyColumn | SQL, userId: AnyColumn | SQL): SQL {
  return sql`(exists (select 1 from ${assignments} where ${assignments.installationId} = ${installationId}
      and ${assignments.principalType} = 'user' and ${assignments.principalId} = ${userId})
    or exists (select 1 from ${groupMembers} inner join ${assignments} on ${assignments.principalId} = ${groupMembers.groupId}
      where ${groupMembers.userId} = ${userId} and ${assignments.installationId} = ${installationId}
      and ${assignments.principalType} = 'group'))`;
}
