import { sql } from "drizzle-orm";

const ph = sql.placeholder;

/**
 * The columns of a new token row in an INSERT … SELECT (code exchange and refresh rotation): its
 * hash and expiry from the statement's placeholders, its grant and installation from the CTE it is
 * selected from. Revocation and issue time follow the same way in both statements.
 */
export function newTokenRow<G, I>(hash: string, expires: string, owner: { grantId: G; installationId: I }) {
  return {
    tokenHash: sql<string>`${ph(hash)}::text`.as("token_hash"),
    grantId: owner.grantId,
    installationId: owner.installationId,
    expiresAt: sql<Date>`${ph(expires)}::timestamptz`.as("expires_at"),
  };
}

export const notRevoked = () => sql<null>`null`.as("revoked_at");
export const issuedAt = () => sql<Date>`${ph("createdAt")}::timestamptz`.as("created_at");
