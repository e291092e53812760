import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accessTokens, applications, grants, installations, refreshTokens } from "@/db/schema";

/** Counts stop at this: an administrator needs the size of what stops, and counting further would cost more. */
export const IMPACT_COUNT_LIMIT = 10_000;

/** What stops when Delete Application revokes an installation. A count above `limit` means "more than `limit`". */
export type InstallationImpact = {
  /** Distinct people (subjects) who ever signed in to the application in this account. */
  people: number;
  /** Access tokens that would still work: not revoked, not expired, their token family live. */
  accessTokens: number;
  /** Refresh tokens that could still be exchanged: not revoked, not rotated, not expired, family live. */
  refreshTokens: number;
  /** The last sign-in or token refresh: the newest grant or access token. */
  lastUsedAt: Date | null;
  limit: number;
};

const g = grants;
const a = accessTokens;
const r = refreshTokens;
/** The grants (token families) of the installation, by grants_installation_user. */
const ofInstallation = sql`${g.installationId} = ${installations.id}`;
const liveFamily = sql`${g.revokedAt} is null`;

/** count(*) of `rows`, reading at most IMPACT_COUNT_LIMIT + 1 of them. */
const capped = (rows: SQL) =>
  sql<number>`(select count(*) from (${rows} limit ${IMPACT_COUNT_LIMIT + 1}) counted)`.mapWith(Number);

/**
 * The impact of deleting an installed third-party application, in one statement: the installation
 * by (account, app) and, in correlated subqueries, its grants by `grants_installation_user` and
 * their tokens by `access_tokens_grant` / `refresh_tokens_grant`. The cost follows the tokens of this
 * one installation, never the size of the tables (5 000 installations, a million tokens: EXPLAIN in
 * tests/perf/audit-explain.test.ts), and the counts stop at IMPACT_COUNT_LIMIT + 1. null when the
 * application is not installed in the account (or is the account's own).
 */
export async function getInstallationImpact(
  db: Db | Tx,
  accountId: string,
  clientId: string,
): Promise<InstallationImpact | null> {
  if (clientId.length === 0 || clientId.length > 128) return null;
  const [row] = await db
    .select({
      people: capped(sql`select distinct ${g.subject} from ${g} where ${ofInstallation}`),
      accessTokens: capped(sql`select 1 from ${g} join ${a} on ${a.grantId} = ${g.id}
        where ${ofInstallation} and ${liveFamily} and ${a.revokedAt} is null and ${a.expiresAt} > now()`),
      refreshTokens: capped(sql`select 1 from ${g} join ${r} on ${r.grantId} = ${g.id}
        where ${ofInstallation} and ${liveFamily} and ${r.revokedAt} is null and ${r.rotatedAt} is null
        and ${r.expiresAt} > now()`),
      lastUsedAt: sql<Date | null>`greatest(
        (select max(${g.createdAt}) from ${g} where ${ofInstallation}),
        (select max(${a.createdAt}) from ${g} join ${a} on ${a.grantId} = ${g.id} where ${ofInstallation}))`.mapWith(
        g.createdAt,
      ),
    })
    .from(installations)
    .innerJoin(applications, eq(applications.id, installations.applicationId))
    .where(
      and(
        eq(installations.accountId, accountId),
        eq(applications.clientId, clientId),
        ne(applications.accountId, accountId),
      ),
    );
  return row ? { ...row, limit: IMPACT_COUNT_LIMIT } : null;
}
