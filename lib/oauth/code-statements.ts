import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { accessTokens, authCodes, grants, refreshTokens } from "@/db/schema";
import { activeKidSql } from "./keys";
import type { NewTokenPair } from "./token-issue";
import { joinPerson, personColumns } from "./token-person";
import { issuedAt, newTokenRow, notRevoked } from "./token-row-sql";

const ph = sql.placeholder;

function buildConsume(db: Db) {
  const consumed = db.$with("consumed").as(
    db
      .update(authCodes)
      .set({ consumedAt: sql`now()` })
      .where(and(eq(authCodes.codeHash, ph("hash")), isNull(authCodes.consumedAt)))
      .returning(),
  );
  const ref = {
    accountId: consumed.accountId,
    applicationId: consumed.applicationId,
    installationId: consumed.installationId,
    userId: consumed.userId,
    roleId: consumed.roleId,
  };
  const query = db
    .with(consumed)
    .select({
      codeAccountId: consumed.accountId,
      applicationId: consumed.applicationId,
      installationId: consumed.installationId,
      codeUserId: consumed.userId,
      codeRoleId: consumed.roleId,
      subject: consumed.subject,
      scope: consumed.scope,
      authTime: consumed.authTime,
      resource: consumed.resource,
      mcpClientId: consumed.mcpClientId,
      redirectUri: consumed.redirectUri,
      codeChallenge: consumed.codeChallenge,
      nonce: consumed.nonce,
      expiresAt: consumed.expiresAt,
      ...personColumns(ref),
      kid: activeKidSql,
    })
    .from(consumed)
    .$dynamic();
  return joinPerson(query, ref).prepare("auth_code_consume");
}

/**
 * Consumes the code `hash` (RFC 6749 §4.1.2: used once) in one statement that also reads whether
 * its person may still have tokens (lib/oauth/token-person.ts) and the active signing kid. The
 * consumption commits on its own, before anything is checked: a failed attempt burns the code.
 * null: no such unconsumed code.
 */
export async function consumeCode(db: Db, hash: string) {
  const query = preparedOnce(db, "auth_code_consume", () => buildConsume(db));
  const [row] = await query.execute({ hash });
  return row ?? null;
}

function buildIssue(db: Db) {
  // Links the code to the new grant first: a replay that marked the code meanwhile (see
  // grant-authorization-code.ts) leaves no row here, and then nothing below is written.
  const linked = db.$with("linked").as(
    db
      .update(authCodes)
      .set({ grantId: sql`${ph("grantId")}::uuid` })
      .where(and(eq(authCodes.codeHash, ph("hash")), isNull(authCodes.grantId)))
      .returning(),
  );
  const grant = db.$with("grant").as(
    db
      .insert(grants)
      .select(
        db
          .select({
            id: sql<string>`${ph("grantId")}::uuid`.as("id"),
            accountId: linked.accountId,
            applicationId: linked.applicationId,
            installationId: linked.installationId,
            userId: linked.userId,
            roleId: linked.roleId,
            subject: linked.subject,
            scope: sql<string>`${ph("scope")}::text`.as("scope"),
            authTime: linked.authTime,
            resource: sql<string | null>`${ph("resource")}::text`.as("resource"),
            mcpClientId: linked.mcpClientId,
            createdAt: sql<Date>`now()`.as("created_at"),
            revokedAt: sql<null>`null`.as("revoked_at"),
          })
          .from(linked),
      )
      .returning({ id: grants.id, installationId: grants.installationId }),
  );
  const owner = { grantId: grant.id, installationId: grant.installationId };
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
          .from(grant),
      )
      .returning({ tokenHash: accessTokens.tokenHash }),
  );
  return db
    .with(linked, grant, access)
    .insert(refreshTokens)
    .select(
      db
        .select({
          ...newTokenRow("refreshHash", "refreshExpiresAt", owner),
          rotatedAt: sql<null>`null`.as("rotated_at"),
          revokedAt: notRevoked(),
          createdAt: issuedAt(),
        })
        .from(grant),
    )
    .returning({ grantId: refreshTokens.grantId })
    .prepare("auth_code_issue");
}

/**
 * The grant of a consumed code and its first token pair, in one statement (its own transaction):
 * links the code to the grant, inserts the grant, the access token and the refresh token. false:
 * the code was replayed before its exchange finished, and nothing was written.
 */
export async function issueCodeGrant(
  db: Db,
  opts: { hash: string; grantId: string; scope: string; resource: string | null; pair: NewTokenPair },
): Promise<boolean> {
  const query = preparedOnce(db, "auth_code_issue", () => buildIssue(db));
  const { pair } = opts;
  const rows = await query.execute({
    hash: opts.hash,
    grantId: opts.grantId,
    scope: opts.scope,
    resource: opts.resource,
    accessHash: pair.accessHash,
    accessExpiresAt: pair.accessExpiresAt.toISOString(),
    refreshHash: pair.refreshHash,
    refreshExpiresAt: pair.refreshExpiresAt.toISOString(),
    createdAt: pair.createdAt.toISOString(),
  });
  return rows.length === 1;
}
