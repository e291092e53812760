import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { installations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requireAdmin } from "@/lib/ram/require-role";
import { actorLabel, type Principal } from "@/lib/ram/principal";
import { answerPendingRequest } from "./approval-state";

/** What the consent and token code needs of an installation: one column list, typed from the schema. */
export const installationColumns = {
  id: installations.id,
  scopes: installations.scopes,
  source: installations.source,
  createdAt: installations.createdAt,
};
export type Installation = Pick<typeof installations.$inferSelect, keyof typeof installationColumns>;

/**
 * Installs an application for the actor's whole account (the seed: "This action also installs the
 * application"). Runs inside the caller's transaction, so the code issued with it lands together.
 * Two administrators granting at once: the unique (account, app) index lets one insert win; the
 * other finds that installation and goes on with it (both flows finish). The account's pending
 * request for approval of the application, if any, is answered (approved) by the same installation.
 */
export async function installApp(
  tx: Tx,
  opts: { actor: Principal; applicationId: string; clientId: string; scopes: string[]; source: Installation["source"] },
): Promise<{ installation: Installation; created: boolean }> {
  const { actor, applicationId, scopes, source } = opts;
  await requireAdmin(tx, actor);
  const approvalRequestId = await answerPendingRequest(tx, {
    accountId: actor.accountId,
    applicationId,
    decidedBy: actorLabel(actor),
  });
  const [inserted] = await tx
    .insert(installations)
    .values({ accountId: actor.accountId, applicationId, scopes, source, installedBy: actorLabel(actor) })
    .onConflictDoNothing({ target: [installations.accountId, installations.applicationId] })
    .returning(installationColumns);
  if (inserted) {
    await recordAudit(tx, actor, {
      action: source === "provisioned" ? "ProvisionApplication" : "InstallApplication",
      targetType: "application",
      targetId: opts.clientId,
      detail: approvalRequestId ? { scopes, approvalRequestId } : { scopes },
    });
    return { installation: inserted, created: true };
  }
  const [existing] = await tx
    .select(installationColumns)
    .from(installations)
    .where(and(eq(installations.accountId, actor.accountId), eq(installations.applicationId, applicationId)));
  return { installation: existing!, created: false };
}

/**
 * An account's own (enterprise) application needs no consent: its people use it directly (RAM:
 * "users under this account can access the application without authorization"). Tokens still
 * point to an installation, made here on first use with every declared scope.
 */
export async function ensureOwnAppInstallation(
  tx: Tx,
  opts: { accountId: string; applicationId: string; scopes: string[] },
): Promise<Installation> {
  const [row] = await tx
    .insert(installations)
    .values({
      accountId: opts.accountId,
      applicationId: opts.applicationId,
      scopes: opts.scopes,
      source: "consent",
      installedBy: "own application",
    })
    .onConflictDoUpdate({
      target: [installations.accountId, installations.applicationId],
      set: { scopes: sql`${installations.scopes}`, updatedAt: sql`${installations.updatedAt}` },
    })
    .returning(installationColumns);
  return row!;
}
