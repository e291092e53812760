import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accessTokens, grants, refreshTokens } from "@/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import { authenticateClient, CLIENT_AUTH_PARAMS } from "./client-auth";
import { readForm } from "./form-body";
import { NO_STORE } from "@/lib/http/json";
import { oauthEndpoint } from "./http";
import { invalidRequest } from "./oauth-error";

/**
 * POST /oauth2/revoke (RFC 7009). Client-authenticated; a refresh token revokes its whole grant
 * (§2.1), an access token only itself. An unknown token, or one of another client, changes nothing
 * and still gets 200 (§2.2). An unknown token_type_hint only changes the search order.
 */
export const revocationEndpoint = oauthEndpoint(async (request) => {
  const params = await readForm(request, ["token", "token_type_hint", ...CLIENT_AUTH_PARAMS]);
  const { client } = await authenticateClient(request, params, false);
  const token = params.get("token");
  if (!token) throw invalidRequest("token is required.");
  const hash = sha256(token);
  const order =
    params.get("token_type_hint") === "refresh_token" ? [revokeRefresh, revokeAccess] : [revokeAccess, revokeRefresh];
  for (const revoke of order) if (await revoke(hash, client.id)) break;
  return new Response(null, { status: 200, headers: NO_STORE });
});

async function revokeAccess(tokenHash: string, applicationId: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(accessTokens)
    .set({ revokedAt: sql`coalesce(${accessTokens.revokedAt}, now())` })
    .from(grants)
    .where(
      and(
        eq(accessTokens.tokenHash, tokenHash),
        eq(grants.id, accessTokens.grantId),
        eq(grants.applicationId, applicationId),
      ),
    )
    .returning({ grantId: accessTokens.grantId });
  return rows.length > 0;
}

async function revokeRefresh(tokenHash: string, applicationId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(refreshTokens)
      .set({ revokedAt: sql`coalesce(${refreshTokens.revokedAt}, now())` })
      .from(grants)
      .where(
        and(
          eq(refreshTokens.tokenHash, tokenHash),
          eq(grants.id, refreshTokens.grantId),
          eq(grants.applicationId, applicationId),
        ),
      )
      .returning({ grantId: refreshTokens.grantId });
    if (!row) return false;
    await tx
      .update(grants)
      .set({ revokedAt: sql`coalesce(${grants.revokedAt}, now())` })
      .where(eq(grants.id, row.grantId));
    return true;
  });
}
