import { eq } from "drizzle-orm";
import { applications } from "@/db/schema";
import { writeOwnedApp, type AppRef } from "./app-write";

/**
 * Deletes an application of the actor's account. Its scopes, secrets and every account's
 * installation go with it (foreign keys cascade); tokens check their installation, so they stop at once.
 */
export async function deleteApplication(ref: AppRef): Promise<void> {
  await writeOwnedApp(ref, async (tx, app) => {
    await tx.delete(applications).where(eq(applications.id, app.id));
    return { action: "DeleteApplication", detail: { name: app.name, type: app.type }, result: undefined };
  });
}
