import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications } from "@/db/schema";
import { getApplication } from "./app-queries";
import { assertConsistent, updateApplicationSchema, type UpdateApplicationInput } from "./app-schemas";
import { writeOwnedApp, type AppRef } from "./app-write";

/** Edits an application's basic information, redirect URIs, token validity or third-party flag. */
export async function updateApplication({ input, ...ref }: AppRef & { input: UpdateApplicationInput }) {
  const data = updateApplicationSchema.parse(input);
  await writeOwnedApp(ref, async (tx, app) => {
    assertConsistent({
      type: app.type,
      redirectUris: data.redirectUris ?? app.redirectUris,
      accessTokenValidity: data.accessTokenValidity ?? app.accessTokenValidity,
      refreshTokenValidity: data.refreshTokenValidity ?? app.refreshTokenValidity,
    });
    await tx.update(applications).set(data).where(eq(applications.id, app.id));
    return { action: "UpdateApplication", detail: { changed: Object.keys(data) }, result: undefined };
  });
  return (await getApplication(await getDb(), ref.actor.accountId, ref.clientId))!;
}
