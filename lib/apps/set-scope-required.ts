import { and, eq } from "drizzle-orm";
import { appScopes } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { setScopeRequiredSchema } from "./app-schemas";
import { touchApp, writeOwnedApp, type AppRef } from "./app-write";
import { DEFAULT_SCOPE } from "./scope-catalog";

/**
 * Set as Required / Cancel Required. Applies to future consents only: an existing installation's
 * granted scope is never widened by this.
 */
export async function setScopeRequired({
  scope,
  input,
  ...ref
}: AppRef & { scope: string; input: { required: boolean } }) {
  const data = setScopeRequiredSchema.parse(input);
  return writeOwnedApp(ref, async (tx, app) => {
    if (scope === DEFAULT_SCOPE && !data.required)
      throw new AppError("conflict", { key: "apiErrors.apps.openidAlwaysRequired" });
    const [row] = await tx
      .update(appScopes)
      .set({ required: data.required })
      .where(and(eq(appScopes.applicationId, app.id), eq(appScopes.scope, scope)))
      .returning({ scope: appScopes.scope, required: appScopes.required });
    if (!row) throw notFound({ key: "apiErrors.apps.noSuchScope", values: { scope } });
    await touchApp(tx, app.id);
    return { action: "UpdateAppScope", detail: { ...row }, result: row };
  });
}
