import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, installations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { requireAdmin } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";

/**
 * Delete Application: revokes a third-party application's authorization for the actor's account.
 * One row goes: the installation (its assignments and personal consents cascade). Codes, access
 * tokens and refresh tokens are valid only while their installation exists, so they all stop
 * working at once, and the cost does not grow with the number of tokens.
 */
export async function deleteInstallation({ actor, clientId }: { actor: Principal; clientId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    const [app] = await tx
      .select({ id: applications.id, name: applications.name })
      .from(applications)
      // The account's own applications are not third-party applications of it: 404 like any other.
      .where(and(eq(applications.clientId, clientId), ne(applications.accountId, actor.accountId)));
    const [gone] = app
      ? await tx
          .delete(installations)
          .where(and(eq(installations.accountId, actor.accountId), eq(installations.applicationId, app.id)))
          .returning({ id: installations.id, scopes: installations.scopes, source: installations.source })
      : [];
    if (!app || !gone) throw notFound({ key: "apiErrors.apps.notInstalled" });
    await recordAudit(tx, actor, {
      action: "DeleteApplication",
      targetType: "installation",
      targetId: gone.id,
      detail: { clientId, name: app.name, scopes: gone.scopes, source: gone.source },
    });
  });
}
