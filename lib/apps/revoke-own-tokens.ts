import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/ram/principal";
import { getAuthorizedApp } from "./authorized-app-queries";
import { revokePersonTokens } from "./revoke-person-tokens";

/**
 * My authorized applications > Revoke, for an application the account installed: the person ends
 * their own sessions with it (their access and refresh tokens, their unused codes), nobody else's;
 * the installation stays, so signing in to it again issues new tokens. Anyone signed in may do it
 * for themselves: it is their own access, not the account's.
 */
export async function revokeOwnTokens({ actor, clientId }: { actor: Principal; clientId: string }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const app = await getAuthorizedApp(tx, actor, clientId);
    if (!app) throw new AppError("not_found", { key: "authorizedApps.errors.notFound" });
    const revokedGrants = await revokePersonTokens(tx, { installationId: app.installationId, subject: actor.subject });
    await recordAudit(tx, actor, {
      action: "RevokeOwnTokens",
      targetType: "application",
      targetId: app.clientId,
      detail: { revokedGrants },
    });
    return { clientId: app.clientId, revokedGrants };
  });
}
