import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { appScopes, applications, assignments, installations, ramGroups, ramUsers } from "@/db/schema";
import { logonNameOf } from "@/lib/ram/principal";

/** Official applications with their scopes, and whether each is installed in the account. */
export async function listOfficialCatalog(db: Db, accountId: string) {
  const apps = await db
    .select({
      id: applications.id,
      clientId: applications.clientId,
      name: applications.name,
      description: applications.description,
      logoUrl: applications.logoUrl,
      installationId: installations.id,
    })
    .from(applications)
    .leftJoin(
      installations,
      and(eq(installations.applicationId, applications.id), eq(installations.accountId, accountId)),
    )
    .where(eq(applications.official, true))
    .orderBy(asc(applications.name));
  const scopes = await db
    .select({ applicationId: appScopes.applicationId, scope: appScopes.scope, required: appScopes.required })
    .from(appScopes)
    .innerJoin(applications, eq(applications.id, appScopes.applicationId))
    .where(eq(applications.official, true))
    .orderBy(asc(appScopes.scope));
  return apps.map(({ id, installationId, ...a }) => ({
    ...a,
    installed: installationId !== null,
    scopes: scopes.filter((s) => s.applicationId === id).map(({ scope, required }) => ({ scope, required })),
  }));
}

/** The installation of an official application in the account, or null. */
export async function getOfficialInstallation(db: Db | Tx, accountId: string, clientId: string) {
  const [row] = await db
    .select({ installationId: installations.id, applicationId: applications.id, name: applications.name })
    .from(installations)
    .innerJoin(applications, eq(applications.id, installations.applicationId))
    .where(
      and(eq(installations.accountId, accountId), eq(applications.clientId, clientId), eq(applications.official, true)),
    );
  return row ?? null;
}

export async function listAssignments(db: Db, accountId: string, installationId: string, alias: string) {
  const [users, groups] = await Promise.all([
    db
      .select({
        id: ramUsers.id,
        name: ramUsers.name,
        displayName: ramUsers.displayName,
        createdAt: assignments.createdAt,
      })
      .from(assignments)
      .innerJoin(ramUsers, and(eq(ramUsers.id, assignments.principalId), eq(ramUsers.accountId, accountId)))
      .where(and(eq(assignments.installationId, installationId), eq(assignments.principalType, "user")))
      .orderBy(asc(ramUsers.name)),
    db
      .select({ id: ramGroups.id, name: ramGroups.name, displayName: ramGroups.name, createdAt: assignments.createdAt })
      .from(assignments)
      .innerJoin(ramGroups, and(eq(ramGroups.id, assignments.principalId), eq(ramGroups.accountId, accountId)))
      .where(and(eq(assignments.installationId, installationId), eq(assignments.principalType, "group")))
      .orderBy(asc(ramGroups.name)),
  ]);
  return principalRows(users, groups, alias);
}

/** Users and groups of the account an administrator can pick in Create Assignment (at most 500 each). */
export async function listAssigneeChoices(db: Db, accountId: string, alias: string) {
  const [users, groups] = await Promise.all([
    db
      .select({ id: ramUsers.id, name: ramUsers.name, displayName: ramUsers.displayName })
      .from(ramUsers)
      .where(eq(ramUsers.accountId, accountId))
      .orderBy(asc(ramUsers.name))
      .limit(500),
    db
      .select({ id: ramGroups.id, name: ramGroups.name })
      .from(ramGroups)
      .where(eq(ramGroups.accountId, accountId))
      .orderBy(asc(ramGroups.name))
      .limit(500),
  ]);
  return principalRows(
    users,
    groups.map((g) => ({ ...g, displayName: "User group" })),
    alias,
  );
}

type Row = { id: string; name: string; displayName: string };

/** RAM users (by logon name) then user groups, as the assignment list and the picker show them. */
function principalRows<U extends Row, G extends Row>(users: U[], groups: G[], alias: string) {
  return [
    ...users.map(({ id, name, ...rest }) => ({
      principalType: "user" as const,
      principalId: id,
      name: logonNameOf(name, alias),
      ...rest,
    })),
    ...groups.map(({ id, name, ...rest }) => ({ principalType: "group" as const, principalId: id, name, ...rest })),
  ];
}
