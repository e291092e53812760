import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requireAdmin } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { getApplication, lockOwnedApp } from "./app-queries";
import { assertConsistent, updateApplicationSchema, type UpdateApplicationInput } from "./app-schemas";

/** Edits an application's basic information, redirect URIs, token validity or third-party flag. */
export async function updateApplication({
  actor,
  clientId,
  input,
}: {
  actor: Principal;
  clientId: string;
  input: UpdateApplicationInput;
}) {
  const data = updateApplicationSchema.parse(input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    const app = await lockOwnedApp(tx, actor.accountId, clientId);
    assertConsistent({
      type: app.type,
      redirectUris: data.redirectUris ?? app.redirectUris,
      accessTokenValidity: data.accessTokenValidity ?? app.accessTokenValidity,
      refreshTokenValidity: data.refreshTokenValidity ?? app.refreshTokenValidity,
    });
    await tx.update(applications).set(data).where(eq(applications.id, app.id));
    await recordAudit(tx, actor, {
      action: "UpdateApplication",
      targetType: "application",
      targetId: app.clientId,
      detail: { changed: Object.keys(data) },
    });
  });
  return (await getApplication(db, actor.accountId, clientId))!;
}
