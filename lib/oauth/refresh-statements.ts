import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { accessTokens, grants, refreshTokens } from "@/db/schema";
import { activeKidSql } from "./keys";
import type { NewTokenPair } from "./token-issue";
import { joinPerson, personColumns } from "./token-person";
import { issuedAt, newTokenRow, notRevoked } from "./token-row-sql";

const ph = sql.placeholder;
const grantRef = {
  accountId: grants.accountId,
  applicationId: grants.applicationId,
  installationId: grants.installationId,
  userId: grants.userId,
  roleId: grants.roleId,
};

/** A refresh token as the refresh grant reads it (no row: unknown, dead, rotated, or another client's). */
function buildFind(db: Db) {
  const query = db
    .select({
      grantId: grants.id,
      applicationId: grants.applicationId,
      installationId: grants.installationId,
      grantUserId: grants.userId,
      grantRoleId: grants.roleId,
      subject: grants.subject,
      scope: grants.scope,
      authTime: grants.authTime,
      resource: grants.resource,
      refreshExpiresAt: refreshTokens.expiresAt,
      ...personColumns(grantRef),
      kid: activeKidSql,
    })
    .from(refreshTokens)
    .innerJoin(
      grants,
      and(
        eq(grants.id, refreshTokens.grantId),
        isNull(grants.revokedAt),
        eq(grants.applicationId, ph("applicationId")),
        sql`${grants.mcpClientId} is not distinct from ${ph("mcpClientId")}::uuid`,
      ),
    )
    .$dynamic();
  return joinPerson(query, grantRef)
    .where(
      and(
        eq(refreshTokens.tokenHash, ph("hash")),
        isNull(refreshTokens.rotatedAt),
        isNull(refreshTokens.revokedAt),
        gt(refreshTokens.expiresAt, sql`now()`),
      ),
    )
    .prepare("refresh_grant_find");
}

/**
 * The live refresh token `hash` of this client (and MCP host), its grant, whether the grant's person
 * may still have tokens (`personOk`, lib/oauth/token-person.ts) and the active signing kid: one
 * prepared statement, no lock. rotateRefreshToken then writes on the strength of it.
 */
export async function findRefreshGrant(
  db: Db,
  opts: { hash: string; applicationId: string; mcpClientId: string | null },
) {
  const query = preparedOnce(db, "refresh_grant_find", () => buildFind(db));
  const [row] = await query.execute(opts);
  return row ?? null;
}

function buildRotate(db: Db) {
  // Rotates only a token that is still live and whose grant is not revoked, evaluated when the row
  // is locked: of two parallel refreshes exactly one gets a row back.
  const rotated = db.$with("rotated").as(
    db
      .update(refreshTokens)
      .set({ rotatedAt: sql`now()` })
      .from(grants)
      .where(
        and(
          eq(refreshTokens.tokenHash, ph("hash")),
          isNull(refreshTokens.rotatedAt),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, sql`now()`),
          // A token's grant never changes: found by its hash (the primary key), it is the grant read before.
          eq(grants.id, refreshTokens.grantId),
          isNull(grants.revokedAt),
        ),
      )
      .returning({ grantId: sql<string>`${grants.id}`.as("rotated_grant"), installationId: grants.installationId }),
  );
  // RFC 6749 §6: the family narrows with a narrowed refresh; later refreshes cannot widen it again.
  const narrowed = db.$with("narrowed").as(
    db
      .update(grants)
      .set({ scope: sql`${ph("scope")}::text` })
      .where(
        and(sql`${grants.id} in (select rotated_grant from rotated)`, sql`${grants.scope} <> ${ph("scope")}::text`),
      )
      .returning({ id: grants.id }),
  );
  // The new pair belongs to the rotated token's grant and installation.
  const owner = { grantId: sql<string>`rotated.rotated_grant`.as("grant_id"), installationId: rotated.installationId };
  const access = db.$with("access").as(
    db
      .insert(accessTokens)
      .select(
        db
          .select({
            ...newTokenRow("accessHash", "accessExpiresAt", owner),
            revokedAt: notRevoked(),
            createdAt: issuedAt(),
          })
          .from(rotated),
      )
      .returning({ tokenHash: accessTokens.tokenHash }),
  );
  return db
    .with(rotated, narrowed, access)
    .insert(refreshTokens)
    .select(
      db
        .select({
          ...newTokenRow("refreshHash", "refreshExpiresAt", owner),
          rotatedAt: sql<null>`null`.as("rotated_at"),
          revokedAt: notRevoked(),
          createdAt: issuedAt(),
        })
        .from(rotated),
    )
    .returning({ grantId: refreshTokens.grantId })
    .prepare("refresh_grant_rotate");
}

/**
 * Rotation as one statement (its own transaction, so no BEGIN/COMMIT round trips): marks the old
 * token rotated, narrows the grant to `scope` when that is narrower, and stores the new pair, all
 * only if the old token is still live and its grant not revoked when the row is locked. false:
 * it no longer was (a parallel refresh won, or it was revoked meanwhile).
 */
export async function rotateRefreshToken(
  db: Db,
  opts: { hash: string; scope: string; pair: NewTokenPair },
): Promise<boolean> {
  const query = preparedOnce(db, "refresh_grant_rotate", () => buildRotate(db));
  const { pair } = opts;
  const rows = await query.execute({
    hash: opts.hash,
    scope: opts.scope,
    accessHash: pair.accessHash,
    accessExpiresAt: pair.accessExpiresAt.toISOString(),
    refreshHash: pair.refreshHash,
    refreshExpiresAt: pair.refreshExpiresAt.toISOString(),
    createdAt: pair.createdAt.toISOString(),
  });
  return rows.length === 1;
}
