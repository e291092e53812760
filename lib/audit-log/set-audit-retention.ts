import { eq } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { adminTransaction } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { auditRetentionSchema } from "./audit-filters";

/**
 * Sets how many days the actor's account keeps its operation logs (an administrator only). The
 * sweeper deletes older events at its next runs (lib/sweep/sweep-audit-events.ts); the change
 * itself is an event, written in the same transaction with the old and the new value.
 */
export async function setAuditRetention({
  actor,
  input,
}: {
  actor: Principal;
  input: unknown;
}): Promise<{ retentionDays: number }> {
  const { retentionDays } = auditRetentionSchema.parse(input);
  return adminTransaction(actor, async (tx) => {
    const [before] = await tx
      .select({ days: accounts.auditRetentionDays, uid: accounts.uid })
      .from(accounts)
      .where(eq(accounts.id, actor.accountId))
      .for("update");
    await tx.update(accounts).set({ auditRetentionDays: retentionDays }).where(eq(accounts.id, actor.accountId));
    await recordAudit(tx, actor, {
      action: "UpdateAuditRetention",
      targetType: "account",
      targetId: before!.uid,
      detail: { from: before!.days, to: retentionDays },
    });
    return { retentionDays };
  });
}
