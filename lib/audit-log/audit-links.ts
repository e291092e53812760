import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { applications, installations, ramGroups, ramRoles, ramUsers } from "@/db/schema";
import type { AuditRow } from "./audit-queries";

/** An event as the operation logs show it: the row, the application names, and where its target is now. */
export type AuditEvent = Omit<AuditRow, "at"> & {
  viaApp: { clientId: string; name: string | null } | null;
  app: { clientId: string; name: string | null } | null;
  /** The console page of the target while it still exists in the account (null: gone, or no page). */
  targetPath: string | null;
};

const PEOPLE = {
  user: { table: ramUsers, path: "/identities/users/" },
  group: { table: ramGroups, path: "/identities/groups/" },
  role: { table: ramRoles, path: "/identities/roles/" },
} as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves a page of events: the names of their applications and a link to each target that still
 * exists in this account (users, groups, roles by id; an application by client_id: the account's own
 * under Enterprise Applications, an installed one under Third-party Applications). A few statements
 * by primary key or unique index per page, whatever the page holds; never another account's rows.
 */
export async function resolveAuditEvents(db: Db | Tx, accountId: string, rows: AuditRow[]): Promise<AuditEvent[]> {
  const clientIds = [...new Set(rows.flatMap((r) => [r.appClientId, r.viaClientId]).filter((c) => c !== null))];
  const idsOf = (type: keyof typeof PEOPLE) => [
    ...new Set(rows.filter((r) => r.targetType === type && UUID.test(r.targetId)).map((r) => r.targetId)),
  ];
  const [apps, installed, ...people] = await Promise.all([
    clientIds.length
      ? db
          .select({ clientId: applications.clientId, name: applications.name, accountId: applications.accountId })
          .from(applications)
          .where(inArray(applications.clientId, clientIds))
      : [],
    clientIds.length
      ? db
          .select({ clientId: applications.clientId })
          .from(installations)
          .innerJoin(applications, eq(applications.id, installations.applicationId))
          .where(and(eq(installations.accountId, accountId), inArray(applications.clientId, clientIds)))
      : [],
    ...(Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]).map(async (type) => {
      const ids = idsOf(type);
      const { table } = PEOPLE[type];
      if (ids.length === 0) return { type, found: new Set<string>() };
      const found = await db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.accountId, accountId), inArray(table.id, ids)));
      return { type, found: new Set(found.map((f) => f.id)) };
    }),
  ]);
  const appByClient = new Map(apps.map((a) => [a.clientId, a]));
  const installedSet = new Set(installed.map((i) => i.clientId));
  const existing = new Map(people.map((p) => [p.type, p.found]));
  const appPath = (clientId: string | null) => {
    if (!clientId) return null;
    const id = encodeURIComponent(clientId);
    if (appByClient.get(clientId)?.accountId === accountId) return `/integrations/oauth/enterprise-apps/${id}`;
    return installedSet.has(clientId) ? `/integrations/oauth/third-party-apps/${id}` : null;
  };
  const named = (clientId: string | null) =>
    clientId ? { clientId, name: appByClient.get(clientId)?.name ?? null } : null;
  return rows.map(({ at, ...row }) => {
    void at; // the keyset position stays inside the API's cursor
    const person = PEOPLE[row.targetType as keyof typeof PEOPLE];
    const targetPath = person
      ? existing.get(row.targetType as keyof typeof PEOPLE)?.has(row.targetId)
        ? `${person.path}${row.targetId}`
        : null
      : row.targetType === "application" || row.targetType === "installation"
        ? appPath(row.appClientId)
        : null;
    return { ...row, viaApp: named(row.viaClientId), app: named(row.appClientId), targetPath };
  });
}
