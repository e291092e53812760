import { count, eq } from "drizzle-orm";
import { appSecrets } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { MAX_SECRETS } from "./app-schemas";
import { isPublicClient } from "./clients";
import { insertSecret } from "./insert-secret";
import { writeOwnedApp, type AppRef } from "./app-write";

/**
 * Create Secret: a second secret lets a provider rotate without downtime. Returns the secret once
 * (`secret`); at most two per application; a NativeApp is a public client and has none.
 */
export async function createAppSecret(ref: AppRef) {
  // The row lock serialises concurrent calls, so the count below cannot be passed twice.
  return writeOwnedApp(ref, async (tx, app) => {
    if (isPublicClient(app)) {
      const type = app.type === "NativeApp" ? "NativeApp" : "oauth21";
      throw new AppError("conflict", { key: "apiErrors.apps.publicClientNoSecrets", values: { type } });
    }
    const [existing] = await tx.select({ n: count() }).from(appSecrets).where(eq(appSecrets.applicationId, app.id));
    if ((existing?.n ?? 0) >= MAX_SECRETS)
      throw new AppError("conflict", { key: "apiErrors.apps.tooManySecrets", values: { max: MAX_SECRETS } });
    const secret = await insertSecret(tx, app.id);
    return { action: "CreateAppSecret", detail: { secretId: secret.id, prefix: secret.prefix }, result: secret };
  });
}
