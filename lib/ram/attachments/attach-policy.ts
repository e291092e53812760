import { getDb } from "@/db/client";
import { policyAttachments, type PrincipalType } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requireAdmin } from "../require-role";
import type { Principal } from "../principal";
import { policyNameSchema } from "../schemas";
import { assertPrincipalInAccount } from "./principal-exists";

/** Attaches a system policy to a user, group or role of the actor's account. Attaching twice is a no-op. */
export async function attachPolicy(opts: {
  actor: Principal;
  principalType: PrincipalType;
  principalId: string;
  policyName: string;
}): Promise<void> {
  const { actor, principalType, principalId } = opts;
  const policyName = policyNameSchema.parse(opts.policyName);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    await assertPrincipalInAccount(tx, actor.accountId, principalType, principalId);
    await tx
      .insert(policyAttachments)
      .values({ accountId: actor.accountId, principalType, principalId, policyName })
      .onConflictDoNothing();
    await recordAudit(tx, actor, {
      action: "AttachPolicy",
      targetType: principalType,
      targetId: principalId,
      detail: { policyName },
    });
  });
}
