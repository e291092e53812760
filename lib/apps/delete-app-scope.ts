import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appScopes, applications, grants, installations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { requireAdmin } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { lockOwnedApp } from "./app-queries";
import { DEFAULT_SCOPE } from "./scope-catalog";

/**
 * Delete OAuth Scope. `openid` is the default scope and cannot be deleted. The scope is gone
 * everywhere in the same transaction: from every installation of the app (so from every token,
 * which validation cuts to its installation's scope) and from every token family's scope.
 */
export async function deleteAppScope({
  actor,
  clientId,
  scope,
}: {
  actor: Principal;
  clientId: string;
  scope: string;
}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    const app = await lockOwnedApp(tx, actor.accountId, clientId);
    if (scope === DEFAULT_SCOPE) throw new AppError("conflict", "openid is the default scope and cannot be deleted.");
    const [row] = await tx
      .delete(appScopes)
      .where(and(eq(appScopes.applicationId, app.id), eq(appScopes.scope, scope)))
      .returning({ scope: appScopes.scope });
    if (!row) throw notFound(`The application does not declare the scope ${scope}.`);
    const changed = await tx
      .update(installations)
      .set({ scopes: sql`${installations.scopes} - ${scope}::text` })
      .where(
        and(eq(installations.applicationId, app.id), sql`${installations.scopes} @> jsonb_build_array(${scope}::text)`),
      )
      .returning({ id: installations.id });
    await tx
      .update(grants)
      .set({ scope: sql`array_to_string(array_remove(string_to_array(${grants.scope}, ' '), ${scope}::text), ' ')` })
      .where(
        and(
          inArray(
            grants.installationId,
            tx.select({ id: installations.id }).from(installations).where(eq(installations.applicationId, app.id)),
          ),
          sql`${scope}::text = any(string_to_array(${grants.scope}, ' '))`,
        ),
      );
    await tx
      .update(applications)
      .set({ updatedAt: sql`now()` })
      .where(eq(applications.id, app.id));
    await recordAudit(tx, actor, {
      action: "DeleteAppScope",
      targetType: "application",
      targetId: app.clientId,
      detail: { scope, installations: changed.length },
    });
  });
}
