import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accessTokens, applications, grants, installations, refreshTokens } from "@/db/schema";

/** What stops when Delete Application revokes an installation. */
export type InstallationImpact = {
  /** Distinct people (subjects) who ever signed in to the application in this account. */
  people: number;
  /** Access tokens that would still work: not revoked, not expired, their token family live. */
  accessTokens: number;
  /** Refresh tokens that could still be exchanged: not revoked, not rotated, not expired, family live. */
  refreshTokens: number;
  /** The last sign-in or token refresh: the newest grant or access token. */
  lastUsedAt: Date | null;
};

const g = grants;
const live = sql`${g.revokedAt} is null`;
/** The grants (token families) of the installation, by grants_installation_user. */
const ofInstallation = sql`${g.installationId} = ${installations.id}`;

/**
 * The impact of deleting an installed third-party application, in one statement: the installation
 * by (account, app) and, in correlated subqueries, its grants by `grants_installation_user` and
 * their tokens by `access_tokens_grant` / `refresh_tokens_grant`. The cost follows the tokens of this
 * one installation, never the size of the tables (5 000 installations, a million tokens: EXPLAIN in
 * tests/perf/audit-explain.test.ts). null when it is not installed in the account (or is the account's own).
 */
export async function getInstallationImpact(
  db: Db | Tx,
  accountId: string,
  clientId: string,
): Promise<InstallationImpact | null> {
  if (clientId.length === 0 || clientId.length > 128) return null;
  const [row] = await db
    .select({
      people: sql<number>`(select count(distinct ${g.subject}) from ${g} where ${ofInstallation})`.mapWith(Number),
      accessTokens: sql<number>`(select count(*) from ${g} join ${accessTokens} on ${accessTokens.grantId} = ${g.id}
        where ${ofInstallation} and ${live} and ${accessTokens.revokedAt} is null and ${accessTokens.expiresAt} > now())`.mapWith(
        Number,
      ),
      refreshTokens: sql<number>`(select count(*) from ${g} join ${refreshTokens} on ${refreshTokens.grantId} = ${g.id}
        where ${ofInstallation} and ${live} and ${refreshTokens.revokedAt} is null and ${refreshTokens.rotatedAt} is null
        and ${refreshTokens.expiresAt} > now())`.mapWith(Number),
      lastUsedAt: sql<Date | null>`greatest(
        (select max(${g.createdAt}) from ${g} where ${ofInstallation}),
        (select max(${accessTokens.createdAt}) from ${g} join ${accessTokens} on ${accessTokens.grantId} = ${g.id} where ${ofInstallation}))`.mapWith(
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
  return row ?? null;
}
