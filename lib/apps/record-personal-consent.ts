import type { Tx } from "@/db/client";
import { personalConsents } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { Principal } from "@/lib/ram/principal";

/**
 * Keeps a person's consent to an official application (per person: the installation and their
 * subject), with the scope they chose and every scope offered to them so far. The caller checked
 * the assignment and the choice inside the same transaction; a second consent (a scope the
 * installation grants that was never offered) replaces the first with the merged choice.
 */
export async function recordPersonalConsent(
  tx: Tx,
  opts: { actor: Principal; installationId: string; clientId: string; scopes: string[]; offeredScopes: string[] },
): Promise<void> {
  const { actor, installationId, scopes, offeredScopes } = opts;
  await tx
    .insert(personalConsents)
    .values({ installationId, subject: actor.subject, scopes, offeredScopes })
    .onConflictDoUpdate({
      target: [personalConsents.installationId, personalConsents.subject],
      set: { scopes, offeredScopes },
    });
  await recordAudit(tx, actor, {
    action: "ConsentApplication",
    targetType: "application",
    targetId: opts.clientId,
    detail: { scopes },
  });
}
