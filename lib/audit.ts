import type { Tx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { actorLabel, type Principal } from "@/lib/ram/principal";

export type AuditEntry = { action: string; targetType: string; targetId: string; detail?: Record<string, unknown> };

/** Call inside the mutation's own transaction, so that the event and the change land together. */
export async function recordAudit(tx: Tx, actor: Principal, entry: AuditEntry): Promise<void> {
  await insertAudit(tx, actor.accountId, actorLabel(actor), entry);
}

/** An event no signed-in person caused (an MCP host registering itself): no account, actor `system:<what>`. */
export async function recordSystemAudit(tx: Tx, actor: string, entry: AuditEntry): Promise<void> {
  await insertAudit(tx, null, `system:${actor}`, entry);
}

async function insertAudit(tx: Tx, accountId: string | null, actor: string, entry: AuditEntry): Promise<void> {
  const { action, targetType, targetId, detail = {} } = entry;
  await tx.insert(auditEvents).values({ accountId, actor, action, targetType, targetId, detail });
}
