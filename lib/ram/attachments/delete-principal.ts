import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { policyAttachments, type PrincipalType } from "@/db/schema";
import { noSuchPrincipal, principalTables } from "./principal-exists";

/**
 * Deletes a user, group or role of the account with its policy attachments (they have no foreign
 * key: principal_id names one of three tables); 404 if the account has no such one. Returns the
 * name for the audit event.
 */
export async function deletePrincipal(tx: Tx, accountId: string, type: PrincipalType, id: string) {
  const t = principalTables[type];
  const [gone] = await tx
    .delete(t)
    .where(and(eq(t.id, id), eq(t.accountId, accountId)))
    .returning({ name: t.name });
  if (!gone) throw noSuchPrincipal(type);
  await tx
    .delete(policyAttachments)
    .where(and(eq(policyAttachments.principalType, type), eq(policyAttachments.principalId, id)));
  return gone;
}
