import { and, asc, count, desc, eq, ilike, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, appScopes, applications, grants, installations } from "@/db/schema";
import { containsPattern, paginate } from "@/db/paginate";
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
const fromGrants = (aggregate: SQL) =>
  sql`(select ${aggregate} from ${grants} where ${grants.installationId} = ${installations.id})`;
const usageColumns = {
  people: fromGrants(sql`count(distinct ${grants.subject})`).mapWith(Number),
  lastUsedAt: fromGrants(sql`max(${grants.createdAt})`).mapWith(grants.createdAt) as SQL<Date | null>,
};

/** One page of the Third-party Applications tab; server-side search (name or app ID), sort and paging. */
export async function listInstallations(db: Db | Tx, accountId: string, opts: ListInstallationsOptions = {}) {
  const pattern = containsPattern(opts.search?.trim());
  const where = and(
    installedThirdParty(accountId),
    pattern ? or(ilike(applications.name, pattern), ilike(applications.clientId, pattern)) : undefined,
  );
  const column = opts.sort === "updatedAt" ? installations.updatedAt : installations.createdAt;
  const dir = opts.order === "asc" ? asc : desc;
  return paginate(
    opts,
    (limit, offset) =>
      db
        .select({
          clientId: applications.clientId,
          name: applications.name,
          createdAt: installations.createdAt,
          updatedAt: installations.updatedAt,
          source: installations.source,
          ...usageColumns,
        })
        .from(installations)
        .innerJoin(applications, eq(applications.id, installations.applicationId))
        .where(where)
        // The id breaks ties, so that pages neither repeat nor skip rows with equal times.
        .orderBy(dir(column), dir(installations.id))
        .limit(limit)
        .offset(offset),
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
      ...usageColumns,
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
