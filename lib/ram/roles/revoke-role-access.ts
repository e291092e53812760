import { and, eq, isNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { authCodes, consoleSessions, grants } from "@/db/schema";

/**
 * Ends what was issued to sessions of a role (of one trusted user, or of everybody): console
 * sessions fall back to the user itself, application token families and pending codes stop working.
 */
export async function revokeRoleAccess(tx: Tx, roleId: string, userId?: string): Promise<{ revokedGrants: number }> {
  const forUser = (column: AnyPgColumn) => (userId ? eq(column, userId) : undefined);
  await tx
    .update(consoleSessions)
    .set({ roleId: null })
    .where(and(eq(consoleSessions.roleId, roleId), forUser(consoleSessions.userId)));
  const revoked = await tx
    .update(grants)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(grants.roleId, roleId), isNull(grants.revokedAt), forUser(grants.userId)))
    .returning({ id: grants.id });
  await tx
    .update(authCodes)
    .set({ expiresAt: sql`now()` })
    .where(and(eq(authCodes.roleId, roleId), isNull(authCodes.consumedAt), forUser(authCodes.userId)));
  return { revokedGrants: revoked.length };
}
