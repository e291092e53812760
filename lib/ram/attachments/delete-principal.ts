import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { policyAttachments, ramGroups, ramRoles, ramUsers, type PrincipalType } from "@/db/schema";
import { notFound } from "@/lib/errors";

const tables = { user: ramUsers, group: ramGroups, role: ramRoles } as const;
const labels = { user: "RAM user", group: "user group", role: "RAM role" } as const;

/**
 * Deletes a user, group or role of the account with its policy attachments (they have no foreign
 * key: principal_id names one of three tables); 404 if the account has no such one. Returns the
 * name for the audit event.
 */
export async function deletePrincipal(tx: Tx, accountId: string, type: PrincipalType, id: string) {
  const t = tables[type];
  const [gone] = await tx
    .delete(t)
    .where(and(eq(t.id, id), eq(t.accountId, accountId)))
    .returning({ name: t.name });
  if (!gone) throw notFound(`No such ${labels[type]} in this account.`);
  await tx
    .delete(policyAttachments)
    .where(and(eq(policyAttachments.principalType, type), eq(policyAttachments.principalId, id)));
  return gone;
}
