import { and, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { grants, refreshTokens } from "@/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import type { AuthenticatedClient } from "./client-auth";
import type { FormParams } from "./form-body";
import { invalidGrant, invalidRequest, invalidScope } from "./oauth-error";
import { effectiveScope, narrowScope } from "./scope";
import { loadPerson } from "./token-person";
import { issueTokenPair, type IssuedTokens } from "./token-issue";

/**
 * grant_type=refresh_token (RFC 6749 §6) with rotation: one UPDATE … RETURNING marks the token
 * rotated only if it is live and its grant belongs to this client and is not revoked, so of two
 * parallel refreshes exactly one succeeds. A rotated token presented again is a replay: the whole
 * grant is revoked (RFC 9700 §4.14.2). The new refresh token inherits the old one's expiry, so a
 * family never outlives the absolute lifetime set at the code exchange, however often it rotates.
 */
export async function exchangeRefreshToken(auth: AuthenticatedClient, params: FormParams): Promise<IssuedTokens> {
  const token = params.get("refresh_token");
  if (!token) throw invalidRequest("refresh_token is required.");
  const tokenHash = sha256(token);
  const db = await getDb();
  const issued = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(refreshTokens)
      .set({ rotatedAt: sql`now()` })
      .from(grants)
      .where(
        and(
          eq(refreshTokens.tokenHash, tokenHash),
          isNull(refreshTokens.rotatedAt),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, sql`now()`),
          eq(grants.id, refreshTokens.grantId),
          eq(grants.applicationId, auth.client.id),
          isNull(grants.revokedAt),
        ),
      )
      .returning({
        grantId: grants.id,
        accountId: grants.accountId,
        applicationId: grants.applicationId,
        installationId: grants.installationId,
        userId: grants.userId,
        roleId: grants.roleId,
        subject: grants.subject,
        scope: grants.scope,
        authTime: grants.authTime,
        refreshExpiresAt: refreshTokens.expiresAt,
      });
    if (!row) return null;
    const person = await loadPerson(tx, row);
    if (!person)
      throw invalidGrant("The application is no longer installed for this account, or the user can no longer sign in.");
    const { principal } = person;
    // §6: the new scope may narrow the grant's (less what the installation no longer grants), never widen it.
    // Throwing rolls the rotation back.
    const scope = narrowScope(effectiveScope(row.scope, person.installedScopes), params.get("scope"));
    if (scope === null) throw invalidScope("The requested scope exceeds the scope originally granted.");
    // The grant (the token family) narrows with it: later refreshes cannot widen it again.
    if (scope !== row.scope) await tx.update(grants).set({ scope }).where(eq(grants.id, row.grantId));
    const pair = await issueTokenPair(tx, {
      grantId: row.grantId,
      installationId: row.installationId,
      accessTokenValidity: auth.client.accessTokenValidity,
      refreshExpiresAt: row.refreshExpiresAt,
    });
    return { ...pair, scope, principal, clientId: auth.client.clientId, authTime: row.authTime, nonce: null };
  });
  if (issued) return issued;
  await revokeOnReuse(db, tokenHash, auth.client.id);
  throw invalidGrant("The refresh token is invalid, expired, revoked or already used.");
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
