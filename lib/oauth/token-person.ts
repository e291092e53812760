import { and, eq, isNotNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, applications, installations, ramRoles, ramUsers } from "@/db/schema";
import { buildPrincipal, principalColumns } from "@/lib/ram/build-principal";
import type { Principal, PrincipalRef } from "@/lib/ram/principal";
import { stillAssignedSql } from "@/lib/apps/official-access";

/** ram_users joined only when enabled and of the same account; ram_roles only of the same account. */
export function userJoin(userId: AnyColumn | string | null, accountId: AnyColumn | string): SQL {
  if (userId === null) return sql`false`;
  return and(eq(ramUsers.id, userId), eq(ramUsers.accountId, accountId), eq(ramUsers.enabled, true))!;
}

export function roleJoin(roleId: AnyColumn | string | null, accountId: AnyColumn | string): SQL {
  if (roleId === null) return sql`false`;
  return and(eq(ramRoles.id, roleId), eq(ramRoles.accountId, accountId))!;
}

/** What a code or grant stores about whom it was issued to, and under which installation. */
export type GrantRef = PrincipalRef & {
  applicationId: string;
  installationId: string;
};

/**
 * The Principal a code or grant names, with the scope its installation grants today, or null when
 * it may no longer get tokens: its installation is gone (or is not of this account and app), or its
 * RAM user is disabled or deleted, or its role is, or it is no longer assigned to an official app.
 */
export async function loadPerson(
  db: Db | Tx,
  ref: GrantRef,
): Promise<{ principal: Principal; installedScopes: string[] } | null> {
  const [row] = await db
    .select({ ...principalColumns, installedScopes: installations.scopes })
    .from(installations)
    .innerJoin(accounts, eq(accounts.id, installations.accountId))
    .innerJoin(applications, eq(applications.id, installations.applicationId))
    .leftJoin(ramUsers, userJoin(ref.userId, ref.accountId))
    .leftJoin(ramRoles, roleJoin(ref.roleId, ref.accountId))
    .where(
      and(
        eq(installations.id, ref.installationId),
        eq(installations.applicationId, ref.applicationId),
        eq(installations.accountId, ref.accountId),
        ref.userId === null ? undefined : isNotNull(ramUsers.id),
        ref.roleId === null ? undefined : isNotNull(ramRoles.id),
        stillAssignedSql({
          installationId: installations.id,
          userId: sql`${ref.userId}::uuid`,
          accountId: installations.accountId,
        }),
      ),
    );
  return row ? { principal: buildPrincipal(row, ref.subject), installedScopes: row.installedScopes } : null;
}
