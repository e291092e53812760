import { and, asc, count, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { paginate } from "@/db/paginate";
import { appScopes, appSecrets, applications } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { clientIdSchema } from "./app-schemas";
import { applicationColumns, pickAppColumns } from "./application-columns";
import { describeScope, scopeCatalog } from "./scope-catalog";

/** The columns an application shows (never its secrets' hashes). */
const appColumns = { ...applicationColumns, createdAt: applications.createdAt, updatedAt: applications.updatedAt };

/** The account's own applications (Enterprise Applications), newest first. */
export async function listApplications(db: Db, accountId: string, opts: { page?: number } = {}) {
  const where = eq(applications.accountId, accountId);
  return paginate(
    opts,
    (limit, offset) =>
      db
        .select({ ...pickAppColumns("clientId", "name", "type", "thirdParty"), createdAt: applications.createdAt })
        .from(applications)
        .where(where)
        .orderBy(desc(applications.createdAt), asc(applications.clientId))
        .limit(limit)
        .offset(offset),
    () => db.select({ n: count() }).from(applications).where(where),
  );
}

/** One application of the account with its scopes and secrets (id, prefix, creation time); null if not the account's. */
export async function getApplication(db: Db | Tx, accountId: string, clientId: string) {
  if (!clientIdSchema.safeParse(clientId).success) return null;
  const [app] = await db
    .select({ id: applications.id, ...appColumns })
    .from(applications)
    .where(and(eq(applications.clientId, clientId), eq(applications.accountId, accountId)));
  if (!app) return null;
  const [scopes, secrets] = await Promise.all([
    db
      .select({ scope: appScopes.scope, required: appScopes.required })
      .from(appScopes)
      .where(eq(appScopes.applicationId, app.id)),
    db
      .select({ id: appSecrets.id, prefix: appSecrets.prefix, createdAt: appSecrets.createdAt })
      .from(appSecrets)
      .where(eq(appSecrets.applicationId, app.id))
      .orderBy(asc(appSecrets.createdAt)),
  ]);
  const { id: _internalId, ...view } = app;
  void _internalId;
  return {
    ...view,
    scopes: sortScopes(scopes).map((s) => ({ ...describeScope(s.scope), required: s.required })),
    secrets,
  };
}
export type ApplicationView = NonNullable<Awaited<ReturnType<typeof getApplication>>>;

/** Catalog order, so that openid comes first. */
export function sortScopes<T extends { scope: string }>(rows: T[]): T[] {
  const rank = (s: string) => {
    const i = scopeCatalog.findIndex((c) => c.scope === s);
    return i < 0 ? scopeCatalog.length : i;
  };
  return [...rows].sort((a, b) => rank(a.scope) - rank(b.scope) || a.scope.localeCompare(b.scope));
}

/**
 * Inside a mutation: the account's application, row-locked until the transaction ends (so that two
 * concurrent "create secret" calls cannot both pass the limit). Another account's app is not found.
 */
export async function lockOwnedApp(tx: Tx, accountId: string, clientId: string) {
  if (!clientIdSchema.safeParse(clientId).success) throw notFound({ key: "apiErrors.apps.noSuchApp" });
  const [app] = await tx
    .select({
      id: applications.id,
      ...pickAppColumns(
        "clientId",
        "name",
        "type",
        "oauthVersion",
        "redirectUris",
        "accessTokenValidity",
        "refreshTokenValidity",
      ),
    })
    .from(applications)
    .where(and(eq(applications.clientId, clientId), eq(applications.accountId, accountId)))
    .for("update");
  if (!app) throw notFound({ key: "apiErrors.apps.noSuchApp" });
  return app;
}
