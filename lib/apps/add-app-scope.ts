import { appScopes } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { addAppScopeSchema } from "./app-schemas";
import { touchApp, writeOwnedApp, type AppRef } from "./app-write";

/**
 * Declares one more catalog scope. Existing installations keep the scope they were granted
 * (installations.scopes is fixed at grant time): a new scope reaches an account only by a new consent.
 */
export async function addAppScope({ input, ...ref }: AppRef & { input: { scope: string; required?: boolean } }) {
  const data = addAppScopeSchema.parse(input);
  return writeOwnedApp(ref, async (tx, app) => {
    const [row] = await tx
      .insert(appScopes)
      .values({ applicationId: app.id, scope: data.scope, required: data.required })
      .onConflictDoNothing()
      .returning({ scope: appScopes.scope, required: appScopes.required });
    if (!row)
      throw new AppError("conflict", { key: "apiErrors.apps.alreadyDeclaresScope", values: { scope: data.scope } });
    await touchApp(tx, app.id);
    return { action: "AddAppScope", detail: { ...row }, result: row };
  });
}
