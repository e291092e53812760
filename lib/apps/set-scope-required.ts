import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appScopes, applications } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { requireAdmin } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { lockOwnedApp } from "./app-queries";
import { setScopeRequiredSchema } from "./app-schemas";
import { DEFAULT_SCOPE } from "./scope-catalog";

/**
 * Set as Required / Cancel Required. Applies to future consents only: an existing installation's
 * granted scope is never widened by this.
 */
export async function setScopeRequired({
  actor,
  clientId,
  scope,
  input,
}: {
  actor: Principal;
  clientId: string;
  scope: string;
  input: { required: boolean };
}) {
  const data = setScopeRequiredSchema.parse(input);
  const db = await getDb();
  const updated = await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    const app = await lockOwnedApp(tx, actor.accountId, clientId);
    if (scope === DEFAULT_SCOPE && !data.required)
      throw new AppError("conflict", "openid is the default scope: it is always required.");
    const [row] = await tx
      .update(appScopes)
      .set({ required: data.required })
      .where(and(eq(appScopes.applicationId, app.id), eq(appScopes.scope, scope)))
      .returning({ scope: appScopes.scope, required: appScopes.required });
    if (!row) throw notFound(`The application does not declare the scope ${scope}.`);
    await tx
      .update(applications)
      .set({ updatedAt: sql`now()` })
      .where(eq(applications.id, app.id));
    await recordAudit(tx, actor, {
      action: "UpdateAppScope",
      targetType: "application",
      targetId: app.clientId,
      detail: { ...row },
    });
    return row;
  });
  return updated;
}
