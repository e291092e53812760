import { count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appSecrets } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { requireAdmin } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { lockOwnedApp } from "./app-queries";
import { MAX_SECRETS } from "./app-schemas";
import { insertSecret } from "./insert-secret";

/**
 * Create Secret: a second secret lets a provider rotate without downtime. Returns the secret once
 * (`secret`); at most two per application; a NativeApp is a public client and has none.
 */
export async function createAppSecret({ actor, clientId }: { actor: Principal; clientId: string }) {
  const db = await getDb();
  const created = await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    // The row lock serialises concurrent calls, so the count below cannot be passed twice.
    const app = await lockOwnedApp(tx, actor.accountId, clientId);
    if (app.type === "NativeApp") throw new AppError("conflict", "A NativeApp is a public client: it has no secrets.");
    const [existing] = await tx.select({ n: count() }).from(appSecrets).where(eq(appSecrets.applicationId, app.id));
    if ((existing?.n ?? 0) >= MAX_SECRETS)
      throw new AppError("conflict", `An application has at most ${MAX_SECRETS} secrets. Delete one first.`);
    const secret = await insertSecret(tx, app.id);
    await recordAudit(tx, actor, {
      action: "CreateAppSecret",
      targetType: "application",
      targetId: app.clientId,
      detail: { secretId: secret.id, prefix: secret.prefix },
    });
    return secret;
  });
  return created;
}
