import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { consoleSessions, grants } from "@/db/schema";

/** Ends a RAM user's console sessions and the token families of every application they signed in to. */
export async function revokeUserAccess(tx: Tx, userId: string): Promise<void> {
  await tx
    .update(consoleSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(consoleSessions.userId, userId), isNull(consoleSessions.revokedAt)));
  await tx
    .update(grants)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(grants.userId, userId), isNull(grants.revokedAt)));
}
