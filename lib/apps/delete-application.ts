import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requireAdmin } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { lockOwnedApp } from "./app-queries";

/**
 * Deletes an application of the actor's account. Its scopes, secrets and every account's
 * installation go with it (foreign keys cascade); tokens check their installation, so they stop at once.
 */
export async function deleteApplication({ actor, clientId }: { actor: Principal; clientId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    const app = await lockOwnedApp(tx, actor.accountId, clientId);
    await tx.delete(applications).where(eq(applications.id, app.id));
    await recordAudit(tx, actor, {
      action: "DeleteApplication",
      targetType: "application",
      targetId: app.clientId,
      detail: { name: app.name, type: app.type },
    });
  });
}
