import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { authCodes, grants } from "@/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import { checkPkce } from "./check-pkce";
import type { AuthenticatedClient } from "./client-auth";
import type { FormParams } from "./form-body";
import { invalidGrant, invalidRequest } from "./oauth-error";
import { sameMcpClient, tokenResource } from "./resources";
import { effectiveScope } from "./scope";
import { loadPerson } from "./token-person";
import { issueTokenPair, type IssuedTokens } from "./token-issue";

/** Marks a code whose replay was seen before its first exchange had finished (see linkGrant). */
const REPLAYED = "00000000-0000-0000-0000-000000000000";

/**
 * grant_type=authorization_code (RFC 6749 §4.1.3). The code is consumed by one UPDATE … RETURNING
 * before anything else is checked, so a failed attempt burns it as well (no verifier guessing).
 */
export async function exchangeAuthorizationCode(auth: AuthenticatedClient, params: FormParams): Promise<IssuedTokens> {
  const code = params.get("code");
  if (!code) throw invalidRequest("code is required.");
  const db = await getDb();
  const codeHash = sha256(code);
  const [row] = await db
    .update(authCodes)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(authCodes.codeHash, codeHash), isNull(authCodes.consumedAt)))
    .returning();
  if (!row) {
    await revokeReplayedGrant(db, codeHash);
    throw invalidGrant("The authorization code is invalid, expired or already used.");
  }
  if (row.expiresAt.getTime() <= Date.now()) throw invalidGrant("The authorization code has expired.");
  if (row.applicationId !== auth.client.id || !sameMcpClient(row.mcpClientId, auth.client))
    throw invalidGrant("The authorization code was issued to another client.");
  // §4.1.3: redirect_uri must be identical to the one of the authorization request.
  if (params.get("redirect_uri") !== row.redirectUri)
    throw invalidGrant("redirect_uri does not match the authorization request.");
  checkPkce(row.codeChallenge, params.get("code_verifier"));
  const resource = tokenResource(params.get("resource"), auth.client, row.resource);
  const person = await loadPerson(db, row);
  if (!person)
    throw invalidGrant("The application is no longer installed for this account, or the user can no longer sign in.");
  const { principal } = person;
  // A scope deleted since the code was issued is no longer granted by the installation.
  const scope = effectiveScope(row.scope, person.installedScopes);

  const pair = await db.transaction(async (tx) => {
    const [grant] = await tx
      .insert(grants)
      .values({
        accountId: row.accountId,
        applicationId: row.applicationId,
        installationId: row.installationId,
        userId: row.userId,
        roleId: row.roleId,
        subject: row.subject,
        scope,
        authTime: row.authTime,
        resource,
        mcpClientId: row.mcpClientId,
      })
      .returning({ id: grants.id });
    const linked = await tx
      .update(authCodes)
      .set({ grantId: grant!.id })
      .where(and(eq(authCodes.codeHash, codeHash), isNull(authCodes.grantId)))
      .returning({ grantId: authCodes.grantId });
    // A replay got here first: issue nothing (the transaction rolls back).
    if (linked.length === 0) throw invalidGrant("The authorization code was used more than once.");
    return issueTokenPair(tx, {
      grantId: grant!.id,
      installationId: row.installationId,
      accessTokenValidity: auth.client.accessTokenValidity,
      refreshTokenValidity: auth.client.refreshTokenValidity,
    });
  });
  return { ...pair, scope, principal, clientId: auth.client.clientId, authTime: row.authTime, nonce: row.nonce };
}

/**
 * RFC 6749 §4.1.2 / RFC 9700 §4.5: a second use of a code revokes what the first use issued. If the
 * first exchange is still running, the code is marked so that it issues nothing.
 */
async function revokeReplayedGrant(db: Db, codeHash: string): Promise<void> {
  const [row] = await db
    .update(authCodes)
    .set({ grantId: sql`coalesce(${authCodes.grantId}, ${REPLAYED}::uuid)` })
    .where(and(eq(authCodes.codeHash, codeHash), isNotNull(authCodes.consumedAt)))
    .returning({ grantId: authCodes.grantId });
  if (!row?.grantId || row.grantId === REPLAYED) return;
  await db
    .update(grants)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(grants.id, row.grantId), isNull(grants.revokedAt)));
}
