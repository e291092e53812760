import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { authCodes, grants } from "@/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import { checkPkce } from "./check-pkce";
import type { AuthenticatedClient } from "./client-auth";
import { consumeCode, issueCodeGrant } from "./code-statements";
import type { FormParams } from "./form-body";
import { invalidGrant, invalidRequest } from "./oauth-error";
import { sameMcpClient, tokenResource } from "./resources";
import { effectiveScope } from "./scope";
import { newTokenPair, type IssuedTokens } from "./token-issue";
import { personPrincipal } from "./token-person";

/** Marks a code whose replay was seen before its first exchange had finished (see issueCodeGrant). */
const REPLAYED = "00000000-0000-0000-0000-000000000000";

/**
 * grant_type=authorization_code (RFC 6749 §4.1.3), in two statements: the code is consumed by one
 * UPDATE … RETURNING (that also reads its person) before anything else is checked, so a failed
 * attempt burns it as well (no verifier guessing); then one statement writes the grant and its
 * first token pair.
 */
export async function exchangeAuthorizationCode(auth: AuthenticatedClient, params: FormParams): Promise<IssuedTokens> {
  const code = params.get("code");
  if (!code) throw invalidRequest("code is required.");
  const db = await getDb();
  const codeHash = sha256(code);
  const row = await consumeCode(db, codeHash);
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
  if (!row.personOk)
    throw invalidGrant("The application is no longer installed for this account, or the user can no longer sign in.");
  const principal = personPrincipal(row, row.subject);
  // A scope deleted since the code was issued is no longer granted by the installation.
  const scope = effectiveScope(row.scope, row.installedScopes ?? []);
  const pair = newTokenPair({
    accessTokenValidity: auth.client.accessTokenValidity,
    refreshTokenValidity: auth.client.refreshTokenValidity,
  });
  // A replay got here first: nothing was issued.
  if (!(await issueCodeGrant(db, { hash: codeHash, grantId: randomUUID(), scope, resource, pair })))
    throw invalidGrant("The authorization code was used more than once.");
  return {
    ...pair,
    scope,
    principal,
    clientId: auth.client.clientId,
    authTime: row.authTime,
    nonce: row.nonce,
    kid: row.kid,
  };
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
