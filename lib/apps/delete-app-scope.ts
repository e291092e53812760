import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appScopes, applications } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { requireAdmin } from "@/lib/ram/authorize";
import type { Principal } from "@/lib/ram/principal";
import { lockOwnedApp } from "./app-queries";
import { DEFAULT_SCOPE } from "./scope-catalog";

/** Delete OAuth Scope. `openid` is the default scope and can not be deleted. */
export async function deleteAppScope({ actor, clientId, scope }: { actor: Principal; clientId: string; scope: string }): Promise<void> {
  const db = await getDb();
  await requireAdmin(db, actor);
  await db.transaction(async (tx) => {
    const app = await lockOwnedApp(tx, actor.accountId, clientId);
    if (scope === DEFAULT_SCOPE) throw new AppError("conflict", "openid is the default scope and can not be deleted.");
    const [row] = await tx
      .delete(appScopes)
      .where(and(eq(appScopes.appId, app.id), eq(appScopes.scope, scope)))
      .returning({ scope: appScopes.scope });
    if (!row) throw notFound(`The application does not declare the scope ${scope}.`);
    await tx.update(applications).set({ updatedAt: sql`now()` }).where(eq(applications.id, app.id));
    await recordAudit(tx, actor, { action: "DeleteAppScope", targetType: "application", targetId: app.clientId, detail: { scope } });
  });
}
