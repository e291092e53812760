import { and, asc, count, desc, eq, like, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, appScopes, applications, grants, installations } from "@/db/schema";
import { containsPattern, paginateCounted } from "@/db/paginate";
import { describeScope, scopeCatalog } from "./scope-catalog";

export const INSTALLATION_SORTS = ["createdAt", "updatedAt"] as const;
export type InstallationSort = (typeof INSTALLATION_SORTS)[number];
export type SortOrder = "asc" | "desc";

export type ListInstallationsOptions = {
  search?: string;
  sort?: InstallationSort;
  order?: SortOrder;
  page?: number;
  pageSize?: number;
};

/**
 * Third-party applications installed in an account: installations whose application belongs to
 * another (provider) account. An account's own applications may be installed automatically and
 * are not listed here.
 */
function installedThirdParty(accountId: string) {
  return and(eq(installations.accountId, accountId), ne(applications.accountId, installations.accountId));
}

/**
 * Who used an installation and when: the distinct people with a grant under it (People) and the
 * newest grant, i.e. the last sign-in that issued tokens (Last Used). Correlated subqueries on
 * `grants_installation_user`, so a whole page of installations is still one statement.
 */
// Written with an alias of their own: in a select from one subquery drizzle leaves columns
// unqualified, and an unqualified "id" inside the subquery would be the grant's.
const fromGrants = (installationId: SQL, aggregate: string) =>
  sql`(select ${sql.raw(aggregate)} from ${grants} as usage_g where usage_g.installation_id = ${installationId})`;
const usageColumns = (installationId: SQL) => ({
  people: fromGrants(installationId, "count(distinct usage_g.subject)").mapWith(Number),
  lastUsedAt: fromGrants(installationId, "max(usage_g.created_at)").mapWith(grants.createdAt) as SQL<Date | null>,
});

/**
 * "Name or app ID contains": `lower(x) LIKE lower(pattern)` on the stored lowercase columns, which
 * is what ILIKE does in a UTF-8 database, without lowering every row on every search.
 */
function matches(pattern: string): SQL {
  const lowered = sql`lower(${pattern})`;
  return or(like(applications.nameLower, lowered), like(applications.clientIdLower, lowered))!;
}

/**
 * One page of the Third-party Applications tab; server-side search (name or app ID), sort and
 * paging, in one statement: the page is cut first (with the total, `count(*) over ()`), and People
 * and Last Used are read for its rows only, not for every row before the offset.
 */
export async function listInstallations(db: Db | Tx, accountId: string, opts: ListInstallationsOptions = {}) {
  const pattern = containsPattern(opts.search?.trim());
  const where = and(installedThirdParty(accountId), pattern ? matches(pattern) : undefined);
  const updated = opts.sort === "updatedAt";
  const dir = opts.order === "asc" ? asc : desc;
  return paginateCounted(
    opts,
    (limit, offset) => {
      const page = db
        .select({
          id: installations.id,
          clientId: applications.clientId,
          name: applications.name,
          createdAt: installations.createdAt,
          updatedAt: installations.updatedAt,
          source: installations.source,
          total: sql<number>`count(*) over ()`.mapWith(Number).as("total"),
        })
        .from(installations)
        .innerJoin(applications, eq(applications.id, installations.applicationId))
        .where(where)
        // The id breaks ties, so that pages neither repeat nor skip rows with equal times.
        .orderBy(dir(updated ? installations.updatedAt : installations.createdAt), dir(installations.id))
        .limit(limit)
        .offset(offset)
        .as("page");
      return db
        .select({
          clientId: page.clientId,
          name: page.name,
          createdAt: page.createdAt,
          updatedAt: page.updatedAt,
          source: page.source,
          ...usageColumns(sql`"page"."id"`),
          total: page.total,
        })
        .from(page)
        .orderBy(dir(updated ? page.updatedAt : page.createdAt), dir(page.id));
    },
    () =>
      db
        .select({ n: count() })
        .from(installations)
        .innerJoin(applications, eq(applications.id, installations.applicationId))
        .where(where),
  );
}

export type ScopeRow = { scope: string; title: string; description: string; required: boolean; granted: boolean };

const catalogOrder = new Map<string, number>(scopeCatalog.map((s, i) => [s.scope, i]));

/**
 * An installed third-party application as the detail page shows it, or null when the application
 * is not installed in this account (or is the account's own): callers answer 404 either way.
 */
export async function getInstallationDetails(db: Db | Tx, accountId: string, clientId: string) {
  if (clientId.length === 0 || clientId.length > 128) return null;
  const [row] = await db
    .select({
      installationId: installations.id,
      applicationId: applications.id,
      clientId: applications.clientId,
      name: applications.name,
      type: applications.type,
      description: applications.description,
      homepageUrl: applications.homepageUrl,
      official: applications.official,
      provider: accounts.alias,
      grantedScopes: installations.scopes,
      source: installations.source,
      installedBy: installations.installedBy,
      createdAt: installations.createdAt,
      updatedAt: installations.updatedAt,
      ...usageColumns(sql`${installations.id}`),
    })
    .from(installations)
    .innerJoin(applications, eq(applications.id, installations.applicationId))
    .innerJoin(accounts, eq(accounts.id, applications.accountId))
    .where(and(installedThirdParty(accountId), eq(applications.clientId, clientId)));
  if (!row) return null;
  const declared = await db
    .select({ scope: appScopes.scope, required: appScopes.required })
    .from(appScopes)
    .where(eq(appScopes.applicationId, row.applicationId));
  const granted = new Set(row.grantedScopes);
  const scopes: ScopeRow[] = declared
    .map((d) => ({ ...describeScope(d.scope), required: d.required, granted: granted.has(d.scope) }))
    .sort(
      (a, b) =>
        Number(b.required) - Number(a.required) || rank(a.scope) - rank(b.scope) || a.scope.localeCompare(b.scope),
    );
  return {
    clientId: row.clientId,
    name: row.name,
    type: row.type,
    description: row.description,
    homepageUrl: row.homepageUrl,
    official: row.official,
    provider: row.provider,
    installationId: row.installationId,
    source: row.source,
    installedBy: row.installedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    grantedScopes: [...row.grantedScopes].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
    scopes,
    usage: { people: row.people, lastUsedAt: row.lastUsedAt },
  };
}

function rank(scope: string): number {
  return catalogOrder.get(scope) ?? Number.MAX_SAFE_INTEGER;
}

export type InstallationDetails = NonNullable<Awaited<ReturnType<typeof getInstallationDetails>>>;
