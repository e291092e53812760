import { and, eq } from "drizzle-orm";
import { appSecrets } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { idSchema } from "@/lib/ram/schemas";
import { writeOwnedApp, type AppRef } from "./app-write";

/** Deletes one client secret; client authentication with it fails from now on. */
export async function deleteAppSecret({ secretId, ...ref }: AppRef & { secretId: string }): Promise<void> {
  await writeOwnedApp(ref, async (tx, app) => {
    const [gone] = idSchema.safeParse(secretId).success
      ? await tx
          .delete(appSecrets)
          .where(and(eq(appSecrets.id, secretId), eq(appSecrets.applicationId, app.id)))
          .returning({ id: appSecrets.id, prefix: appSecrets.prefix })
      : [];
    if (!gone) throw notFound({ key: "apiErrors.apps.noSuchSecret" });
    return { action: "DeleteAppSecret", detail: { secretId: gone.id, prefix: gone.prefix }, result: undefined };
  });
}
