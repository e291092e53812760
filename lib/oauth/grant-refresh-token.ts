import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { grants, refreshTokens } from "@/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import type { AuthenticatedClient } from "./client-auth";
import type { FormParams } from "./form-body";
import { invalidGrant, invalidRequest, invalidScope } from "./oauth-error";
import { findRefreshGrant, rotateRefreshToken } from "./refresh-statements";
import { audienceOf, tokenResource } from "./resources";
import { effectiveScope, narrowScope } from "./scope";
import { newTokenPair, type IssuedTokens } from "./token-issue";
import { personPrincipal } from "./token-person";

const INVALID = "The refresh token is invalid, expired, revoked or already used.";

/**
 * grant_type=refresh_token (RFC 6749 §6) with rotation. One statement finds the live token of this
 * client with its grant and person; after the checks one more statement rotates it, only if it is
 * still live and its grant not revoked when the row is locked, so of two parallel refreshes exactly
 * one succeeds. A rotated token presented again is a replay: the whole grant is revoked (RFC 9700
 * §4.14.2). The new refresh token inherits the old one's expiry, so a family never outlives the
 * absolute lifetime set at the code exchange, however often it rotates. Nothing is written when a
 * check fails.
 */
export async function exchangeRefreshToken(auth: AuthenticatedClient, params: FormParams): Promise<IssuedTokens> {
  const token = params.get("refresh_token");
  if (!token) throw invalidRequest("refresh_token is required.");
  const tokenHash = sha256(token);
  const db = await getDb();
  const { client } = auth;
  const row = await findRefreshGrant(db, {
    hash: tokenHash,
    applicationId: client.id,
    mcpClientId: client.mcpClient?.id ?? null,
  });
  if (!row) {
    await revokeOnReuse(db, tokenHash, client.id);
    throw invalidGrant(INVALID);
  }
  if (!row.personOk)
    throw invalidGrant("The application is no longer installed for this account, or the user can no longer sign in.");
  // RFC 8707 §2.2: a refresh may name the grant's resource again, never another one.
  tokenResource(params.get("resource"), client, row.resource ?? audienceOf(null));
  // §6: the new scope may narrow the grant's (less what the installation no longer grants), never widen it.
  const scope = narrowScope(effectiveScope(row.scope, row.installedScopes ?? []), params.get("scope"));
  if (scope === null) throw invalidScope("The requested scope exceeds the scope originally granted.");
  const pair = newTokenPair({
    accessTokenValidity: client.accessTokenValidity,
    refreshExpiresAt: row.refreshExpiresAt,
  });
  if (!(await rotateRefreshToken(db, { hash: tokenHash, scope, pair }))) {
    // Rotated (or revoked) since it was read: a parallel refresh won, which makes this one a replay.
    await revokeOnReuse(db, tokenHash, client.id);
    throw invalidGrant(INVALID);
  }
  const principal = personPrincipal(row, row.subject);
  return { ...pair, scope, principal, clientId: client.clientId, authTime: row.authTime, nonce: null, kid: row.kid };
}

async function revokeOnReuse(db: Db, tokenHash: string, applicationId: string): Promise<void> {
  const [reused] = await db
    .select({ grantId: refreshTokens.grantId })
    .from(refreshTokens)
    .innerJoin(grants, eq(grants.id, refreshTokens.grantId))
    .where(
      and(
        eq(refreshTokens.tokenHash, tokenHash),
        isNotNull(refreshTokens.rotatedAt),
        eq(grants.applicationId, applicationId),
      ),
    );
  if (!reused) return;
  await db
    .update(grants)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(grants.id, reused.grantId), isNull(grants.revokedAt)));
}
