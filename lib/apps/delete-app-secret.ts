import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appSecrets } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { requireAdmin } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { idSchema } from "@/lib/ram/schemas";
import { lockOwnedApp } from "./app-queries";

/** Deletes one client secret; client authentication with it fails from now on. */
export async function deleteAppSecret({
  actor,
  clientId,
  secretId,
}: {
  actor: Principal;
  clientId: string;
  secretId: string;
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    const app = await lockOwnedApp(tx, actor.accountId, clientId);
    const [gone] = idSchema.safeParse(secretId).success
      ? await tx
          .delete(appSecrets)
          .where(and(eq(appSecrets.id, secretId), eq(appSecrets.applicationId, app.id)))
          .returning({ id: appSecrets.id, prefix: appSecrets.prefix })
      : [];
    if (!gone) throw notFound("No such secret for this application.");
    await recordAudit(tx, actor, {
      action: "DeleteAppSecret",
      targetType: "application",
      targetId: app.clientId,
      detail: { secretId: gone.id, prefix: gone.prefix },
    });
  });
}
