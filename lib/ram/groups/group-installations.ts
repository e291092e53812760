import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { assignments } from "@/db/schema";

/** The installations (of official applications) a group is assigned to. */
export async function groupInstallations(tx: Tx, groupId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: assignments.installationId })
    .from(assignments)
    .where(and(eq(assignments.principalType, "group"), eq(assignments.principalId, groupId)));
  return rows.map((r) => r.id);
}
