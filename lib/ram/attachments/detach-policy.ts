import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { policyAttachments, type PrincipalType } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { requireAdmin } from "../require-role";
import type { Principal } from "../principal";
import { assertPrincipalInAccount } from "./principal-exists";

export async function detachPolicy(opts: {
  actor: Principal;
  principalType: PrincipalType;
  principalId: string;
  policyName: string;
}): Promise<void> {
  const { actor, principalType, principalId, policyName } = opts;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    await assertPrincipalInAccount(tx, actor.accountId, principalType, principalId);
    const removed = await tx
      .delete(policyAttachments)
      .where(
        and(
          eq(policyAttachments.accountId, actor.accountId),
          eq(policyAttachments.principalType, principalType),
          eq(policyAttachments.principalId, principalId),
          eq(policyAttachments.policyName, policyName),
        ),
      )
      .returning({ policyName: policyAttachments.policyName });
    if (removed.length === 0)
      throw notFound({ key: "apiErrors.ram.policyNotAttached", values: { policy: policyName } });
    await recordAudit(tx, actor, {
      action: "DetachPolicy",
      targetType: principalType,
      targetId: principalId,
      detail: { policyName },
    });
  });
}
