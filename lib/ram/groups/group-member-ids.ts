import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { groupMembers } from "@/db/schema";

/** The RAM users in a user group. */
export async function groupMemberIds(tx: Tx, groupId: string): Promise<string[]> {
  const rows = await tx.select({ id: groupMembers.userId }).from(groupMembers).where(eq(groupMembers.groupId, groupId));
  return rows.map((r) => r.id);
}
