import { and, eq, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import {
  accessTokens,
  accounts,
  applications,
  grants,
  installations,
  mcpClients,
  ramRoles,
  ramUsers,
  refreshTokens,
} from "@/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import { policyNamesSql } from "@/lib/ram/admin";
import { buildPrincipal, principalColumns } from "@/lib/ram/build-principal";
import type { Principal } from "@/lib/ram/principal";
import { stillAssignedSql } from "@/lib/apps/official-access";
import { audienceOf } from "./resources";
import { effectiveScope } from "./scope";
import { roleJoin, userJoin } from "./token-person";

/** What a live token stands for. */
export type TokenInfo = {
  principal: Principal;
  /** space-separated: the grant's scope that its installation still grants */
  scope: string;
  clientId: string;
  applicationId: string;
  grantId: string;
  installationId: string;
  authTime: Date;
  issuedAt: Date;
  expiresAt: Date;
  /** RFC 8707: the resource the token is for (lib/oauth/resources.ts) */
  audience: string;
  /** The MCP host the token was issued to, when it is one (its self-asserted name) */
  mcpClient: { id: string; name: string } | null;
};

/** Both token tables have the same columns (refresh_tokens adds rotated_at), so one query serves both. */
type TokenTable = typeof accessTokens | typeof refreshTokens;

/**
 * The one check of an access token, used by userinfo, introspection and the console API: one query
 * over the token, its grant (not revoked), its installation (still there: deleting it kills every
 * token at once) and its person (an enabled RAM user, an existing role, still assigned when the app
 * is an official application). Its scope is cut to what the installation grants today, so a scope
 * the provider deleted stops working at once. null = not a valid token.
 */
export async function validateAccessToken(token: string, db?: Db | Tx): Promise<TokenInfo | null> {
  return lookup(db ?? (await getDb()), accessTokens, token, "access");
}

/** The same for a refresh token (introspection): also not yet rotated. */
export async function validateRefreshToken(token: string, db?: Db | Tx): Promise<TokenInfo | null> {
  return lookup(db ?? (await getDb()), refreshTokens, token, "refresh");
}

/**
 * For userinfo: the same check, and in the same statement the RAM policies that apply to the
 * person (lib/ram/admin.ts rules), so that a userinfo request is one statement.
 */
export async function validateAccessTokenWithPolicies(
  token: string,
  db?: Db | Tx,
): Promise<(TokenInfo & { policies: string[] }) | null> {
  return lookup(db ?? (await getDb()), accessTokens, token, "userinfo");
}

type Kind = "access" | "refresh" | "userinfo";

function buildLookup(db: Db | Tx, t: TokenTable, kind: Kind) {
  const policies =
    kind === "userinfo"
      ? policyNamesSql({ accountId: grants.accountId, userId: grants.userId, roleId: grants.roleId })
      : sql<string[]>`null`;
  return db
    .select({
      ...principalColumns,
      subject: grants.subject,
      scope: grants.scope,
      authTime: grants.authTime,
      grantId: grants.id,
      grantUserId: grants.userId,
      grantRoleId: grants.roleId,
      installationId: installations.id,
      installedScopes: installations.scopes,
      applicationId: applications.id,
      clientId: applications.clientId,
      issuedAt: t.createdAt,
      expiresAt: t.expiresAt,
      resource: grants.resource,
      mcpClientId: mcpClients.id,
      mcpClientName: mcpClients.name,
      policies,
    })
    .from(t)
    .innerJoin(grants, and(eq(grants.id, t.grantId), isNull(grants.revokedAt)))
    .innerJoin(
      installations,
      and(
        eq(installations.id, t.installationId),
        eq(installations.accountId, grants.accountId),
        eq(installations.applicationId, grants.applicationId),
      ),
    )
    .innerJoin(applications, eq(applications.id, grants.applicationId))
    .innerJoin(accounts, eq(accounts.id, grants.accountId))
    .leftJoin(ramUsers, userJoin(grants.userId, grants.accountId))
    .leftJoin(ramRoles, roleJoin(grants.roleId, grants.accountId))
    .leftJoin(mcpClients, eq(mcpClients.id, grants.mcpClientId))
    .where(
      and(
        eq(t.tokenHash, sql.placeholder("hash")),
        isNull(t.revokedAt),
        gt(t.expiresAt, sql`now()`),
        or(isNull(grants.userId), isNotNull(ramUsers.id)),
        or(isNull(grants.roleId), isNotNull(ramRoles.id)),
        stillAssignedSql(grants),
        kind === "refresh" ? isNull(refreshTokens.rotatedAt) : undefined,
      ),
    )
    .prepare(`token_lookup_${kind}`);
}

async function lookup(
  db: Db | Tx,
  t: TokenTable,
  token: string,
  kind: "userinfo",
): Promise<(TokenInfo & { policies: string[] }) | null>;
async function lookup(db: Db | Tx, t: TokenTable, token: string, kind: Kind): Promise<TokenInfo | null>;
async function lookup(
  db: Db | Tx,
  t: TokenTable,
  token: string,
  kind: Kind,
): Promise<(TokenInfo & { policies?: string[] }) | null> {
  if (token.length === 0 || token.length > 512) return null;
  // A seven-table join whose planning costs ~40× its execution: planned once per connection.
  const query = preparedOnce(db, `token_lookup_${kind}`, () => buildLookup(db, t, kind));
  const [row] = await query.execute({ hash: sha256(token) });
  if (!row) return null;
  return {
    ...(kind === "userinfo" ? { policies: row.policies } : {}),
    principal: buildPrincipal(row, row.subject),
    scope: effectiveScope(row.scope, row.installedScopes),
    clientId: row.clientId,
    applicationId: row.applicationId,
    grantId: row.grantId,
    installationId: row.installationId,
    authTime: row.authTime,
    issuedAt: row.issuedAt,
    expiresAt: row.expiresAt,
    audience: audienceOf(row.resource),
    mcpClient: row.mcpClientId ? { id: row.mcpClientId, name: row.mcpClientName ?? "" } : null,
  };
}
