import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appScopes, applications } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { requireAdmin } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { lockOwnedApp } from "./app-queries";
import { addAppScopeSchema } from "./app-schemas";

/**
 * Declares one more catalog scope. Existing installations keep the scope they were granted
 * (installations.scopes is fixed at grant time): a new scope reaches an account only by a new consent.
 */
export async function addAppScope({
  actor,
  clientId,
  input,
}: {
  actor: Principal;
  clientId: string;
  input: { scope: string; required?: boolean };
}) {
  const data = addAppScopeSchema.parse(input);
  const db = await getDb();
  const added = await db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    const app = await lockOwnedApp(tx, actor.accountId, clientId);
    const [row] = await tx
      .insert(appScopes)
      .values({ applicationId: app.id, scope: data.scope, required: data.required })
      .onConflictDoNothing()
      .returning({ scope: appScopes.scope, required: appScopes.required });
    if (!row) throw new AppError("conflict", `The application already declares the scope ${data.scope}.`);
    await tx
      .update(applications)
      .set({ updatedAt: sql`now()` })
      .where(eq(applications.id, app.id));
    await recordAudit(tx, actor, {
      action: "AddAppScope",
      targetType: "application",
      targetId: app.clientId,
      detail: { ...row },
    });
    return row;
  });
  return added;
}
