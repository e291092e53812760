import { getDb } from "@/db/client";
import { AppError, notFound } from "@/lib/errors";
import { lockClient } from "@/lib/apps/clients";
import { requireAdmin } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { installApp } from "./install-app";

/**
 * Provision Official Application: an administrator installs an official application for the
 * account directly (source "provisioned"), with its required scope and the optional items ticked.
 * People still need an assignment and their own consent before they use it.
 */
export async function provisionOfficialApp({
  actor,
  clientId,
  optionalScopes,
}: {
  actor: Principal;
  clientId: string;
  optionalScopes: string[];
}) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await requireAdmin(tx, actor);
    // Read with the application row share-locked: a scope deleted or the app removed meanwhile is
    // seen here (or waits for this transaction), so no deleted scope is installed.
    const client = await lockClient(tx, clientId);
    if (!client || !client.official) throw notFound({ key: "apiErrors.apps.noSuchOfficialApp" });
    const optional = new Set(client.scopes.filter((s) => !s.required).map((s) => s.scope));
    const bad = optionalScopes.filter((s) => !optional.has(s));
    if (bad.length)
      throw new AppError("invalid_input", {
        key: "apiErrors.apps.notOptionalScope",
        values: { app: client.name, scopes: bad.join(", ") },
      });
    const scopes = [
      ...client.scopes.filter((s) => s.required).map((s) => s.scope),
      ...client.scopes.filter((s) => optionalScopes.includes(s.scope)).map((s) => s.scope),
    ];
    const { installation, created } = await installApp(tx, {
      actor,
      applicationId: client.id,
      clientId,
      scopes,
      source: "provisioned",
    });
    if (!created)
      throw new AppError("conflict", { key: "apiErrors.apps.alreadyInstalled", values: { app: client.name } });
    return {
      clientId,
      name: client.name,
      scopes: installation.scopes,
      source: installation.source,
      createdAt: installation.createdAt,
    };
  });
}
