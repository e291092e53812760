import type { Tx } from "@/db/client";
import { auditEvents, type AuditActorType, type AuditResult } from "@/db/schema";
import { actorLabel, type Principal } from "@/lib/ram/principal";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
  /** The application the event is about, when the target is not the application itself (an installation). */
  clientId?: string;
  result?: AuditResult;
};

/**
 * Call inside the mutation's own transaction, so that the event and the change land together.
 * The actor's kind, its person and the application whose access token made the call
 * (`actor.via`, set by the bearer paths) are recorded beside the label.
 */
export async function recordAudit(tx: Tx, actor: Principal, entry: AuditEntry): Promise<void> {
  await insertAudit(
    tx,
    {
      accountId: actor.accountId,
      actor: actorLabel(actor),
      actorType: actor.kind,
      actorLogin: actor.logonName,
      viaClientId: actor.via ?? null,
    },
    entry,
  );
}

/** An event no signed-in person caused (an MCP host registering itself): no account, actor `system:<what>`. */
export async function recordSystemAudit(tx: Tx, actor: string, entry: AuditEntry): Promise<void> {
  await insertAudit(
    tx,
    { accountId: null, actor: `system:${actor}`, actorType: "system", actorLogin: null, viaClientId: null },
    entry,
  );
}

type Actor = {
  accountId: string | null;
  actor: string;
  actorType: AuditActorType;
  actorLogin: string | null;
  viaClientId: string | null;
};

async function insertAudit(tx: Tx, who: Actor, entry: AuditEntry): Promise<void> {
  const { action, targetType, targetId, detail = {}, result = "success" } = entry;
  const appClientId = entry.clientId ?? (targetType === "application" ? targetId : null);
  await tx.insert(auditEvents).values({ ...who, action, targetType, targetId, detail, result, appClientId });
}
