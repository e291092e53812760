import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { authCodes, grants } from "@/db/schema";

/**
 * Ends, in the caller's transaction, what one person holds under one installation: their token
 * families (a revoked grant refuses its access tokens at the next request and its refresh tokens
 * at the next refresh: lib/oauth/token-validation.ts, grant-refresh-token.ts) and the codes they
 * have not exchanged yet. Other people's tokens and the installation itself stay. Returns how many
 * token families it ended.
 */
export async function revokePersonTokens(tx: Tx, opts: { installationId: string; subject: string }): Promise<number> {
  const revoked = await tx
    .update(grants)
    .set({ revokedAt: sql`now()` })
    .where(
      and(eq(grants.subject, opts.subject), eq(grants.installationId, opts.installationId), isNull(grants.revokedAt)),
    )
    .returning({ id: grants.id });
  await tx
    .update(authCodes)
    .set({ expiresAt: sql`now()` })
    .where(
      and(
        eq(authCodes.installationId, opts.installationId),
        eq(authCodes.subject, opts.subject),
        isNull(authCodes.consumedAt),
        gt(authCodes.expiresAt, sql`now()`),
      ),
    );
  return revoked.length;
}
