import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { personalConsents } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/ram/principal";
import { getAuthorizedApp } from "./authorized-app-queries";
import { revokePersonTokens } from "./revoke-person-tokens";

/**
 * My authorized applications > Revoke, for an official application the person authorized for
 * themselves: their personal consent goes, and with it their tokens and unused codes, in one
 * transaction. The next sign-in to the application asks for their consent again (OWASP ASVS
 * 10.7.3); the account's installation and assignments stay as the administrator left them.
 */
export async function revokeOwnPersonalConsent({ actor, clientId }: { actor: Principal; clientId: string }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const app = await getAuthorizedApp(tx, actor, clientId);
    if (!app?.consented) throw new AppError("not_found", { key: "authorizedApps.errors.noConsent" });
    await tx
      .delete(personalConsents)
      .where(and(eq(personalConsents.installationId, app.installationId), eq(personalConsents.subject, actor.subject)));
    const revokedGrants = await revokePersonTokens(tx, { installationId: app.installationId, subject: actor.subject });
    await recordAudit(tx, actor, {
      action: "RevokeOwnConsent",
      targetType: "application",
      targetId: app.clientId,
      detail: { scopes: app.consentScopes, revokedGrants },
    });
    return { clientId: app.clientId, revokedGrants };
  });
}
