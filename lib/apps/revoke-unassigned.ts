import { and, inArray, isNull, not, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { grants } from "@/db/schema";
import { assignedSql } from "@/lib/apps/official-access";

/**
 * After a change that may take official applications away from people (Delete Assignment, removing
 * a member from an assigned group, deleting an assigned group): revokes, in the caller's transaction,
 * the token families those people hold for those installations, unless they are still assigned
 * another way (directly or through another group). Returns how many people lost access.
 */
export async function revokeUnassignedGrants(
  tx: Tx,
  opts: { installationIds: string[]; userIds: string[] },
): Promise<number> {
  if (opts.installationIds.length === 0 || opts.userIds.length === 0) return 0;
  const revoked = await tx
    .update(grants)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        inArray(grants.installationId, opts.installationIds),
        inArray(grants.userId, opts.userIds),
        isNull(grants.revokedAt),
        not(assignedSql(grants.installationId, grants.userId)),
      ),
    )
    .returning({ userId: grants.userId });
  return new Set(revoked.map((r) => r.userId)).size;
}
