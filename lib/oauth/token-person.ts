import { and, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { accounts, applications, installations, ramRoles, ramUsers } from "@/db/schema";
import { buildPrincipal, principalColumns, type PrincipalRow } from "@/lib/ram/build-principal";
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

/** The columns of a code or grant (or of a CTE over one) that name its person and installation. */
export type PersonRefColumns = {
  accountId: AnyColumn;
  applicationId: AnyColumn;
  installationId: AnyColumn;
  userId: AnyColumn;
  roleId: AnyColumn;
};

/**
 * Left-joins what a code or grant needs to still get tokens: its installation (of this account and
 * app), the account, the app, the RAM user (enabled) and the role. With personColumns(ref) a
 * statement that finds a code or token also says whether its person may still have tokens, so that
 * the token endpoint needs no statement of its own for it.
 */
export function joinPerson<T extends PgSelect>(query: T, ref: PersonRefColumns): T {
  return query
    .leftJoin(
      installations,
      and(
        eq(installations.id, ref.installationId),
        eq(installations.applicationId, ref.applicationId),
        eq(installations.accountId, ref.accountId),
      ),
    )
    .leftJoin(accounts, eq(accounts.id, ref.accountId))
    .leftJoin(applications, eq(applications.id, ref.applicationId))
    .leftJoin(ramUsers, userJoin(ref.userId, ref.accountId))
    .leftJoin(ramRoles, roleJoin(ref.roleId, ref.accountId)) as unknown as T;
}

/**
 * The principal's columns, the scopes the installation grants today, and `personOk`: false when
 * the code or grant may no longer get tokens (its installation is gone or not of this account and
 * app, its RAM user is disabled or deleted, its role is, or it is no longer assigned to another
 * account's official application). Needs joinPerson(query, ref).
 */
export function personColumns(ref: PersonRefColumns) {
  return {
    ...principalColumns,
    installedScopes: installations.scopes,
    personOk: sql<boolean>`coalesce(${installations.id} is not null and ${accounts.id} is not null
      and ${applications.id} is not null
      and (${ref.userId} is null or ${ramUsers.id} is not null)
      and (${ref.roleId} is null or ${ramRoles.id} is not null)
      and ${stillAssignedSql({ installationId: installations.id, userId: ref.userId, accountId: installations.accountId })}, false)`,
  };
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** The Principal of a row read with personColumns, once `personOk` said that its person exists. */
export function personPrincipal(row: Nullable<PrincipalRow> & { personOk: boolean }, subject: string): Principal {
  if (!row.personOk || !row.accountId || !row.uid || !row.alias || !row.ownerEmail)
    throw new Error("personPrincipal: the person may no longer have tokens");
  return buildPrincipal(
    { ...row, accountId: row.accountId, uid: row.uid, alias: row.alias, ownerEmail: row.ownerEmail },
    subject,
  );
}
