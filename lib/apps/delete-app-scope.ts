import { and, eq, inArray, sql } from "drizzle-orm";
import { appScopes, grants, installations } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { touchApp, writeOwnedApp, type AppRef } from "./app-write";
import { DEFAULT_SCOPE } from "./scope-catalog";

/**
 * Delete OAuth Scope. `openid` is the default scope and cannot be deleted. The scope is gone
 * everywhere in the same transaction: from every installation of the app (so from every token,
 * which validation cuts to its installation's scope) and from every token family's scope.
 */
export async function deleteAppScope({ scope, ...ref }: AppRef & { scope: string }): Promise<void> {
  await writeOwnedApp(ref, async (tx, app) => {
    if (scope === DEFAULT_SCOPE) throw new AppError("conflict", { key: "apiErrors.apps.openidNotDeletable" });
    const [row] = await tx
      .delete(appScopes)
      .where(and(eq(appScopes.applicationId, app.id), eq(appScopes.scope, scope)))
      .returning({ scope: appScopes.scope });
    if (!row) throw notFound({ key: "apiErrors.apps.noSuchScope", values: { scope } });
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
    await touchApp(tx, app.id);
    return { action: "DeleteAppScope", detail: { scope, installations: changed.length }, result: undefined };
  });
}
