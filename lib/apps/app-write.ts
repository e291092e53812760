import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { applications } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { adminTransaction } from "@/lib/ram/require-role";
import type { Principal } from "@/lib/ram/principal";
import { lockOwnedApp } from "./app-queries";
import { getOfficialInstallation } from "./official-queries";

/** Which application a write of the actor's account is about. */
export type AppRef = { actor: Principal; clientId: string };
type OwnedApp = Awaited<ReturnType<typeof lockOwnedApp>>;
type OfficialInstallation = NonNullable<Awaited<ReturnType<typeof getOfficialInstallation>>>;
/** What a write did: its audit event, and what the service returns. */
type Written<T> = { action: string; detail: Record<string, unknown>; result: T };

/**
 * A change to one of the account's own applications: an administrator, the application row-locked
 * until the transaction ends (lockOwnedApp; another account's app is a 404), then `write`, and the
 * audit event it returns, in the same transaction.
 */
export function writeOwnedApp<T>(
  { actor, clientId }: AppRef,
  write: (tx: Tx, app: OwnedApp) => Promise<Written<T>>,
): Promise<T> {
  return adminTransaction(actor, async (tx) => {
    const app = await lockOwnedApp(tx, actor.accountId, clientId);
    const { action, detail, result } = await write(tx, app);
    await recordAudit(tx, actor, { action, targetType: "application", targetId: app.clientId, detail });
    return result;
  });
}

/**
 * A change to the assignments of an official application installed in the actor's account: an
 * administrator, a 404 when it is not installed, then `write` and its audit event, in one transaction.
 */
export function writeOfficialInstallation(
  { actor, clientId }: AppRef,
  write: (tx: Tx, inst: OfficialInstallation) => Promise<Written<void>>,
): Promise<void> {
  return adminTransaction(actor, async (tx) => {
    const inst = await getOfficialInstallation(tx, actor.accountId, clientId);
    if (!inst) throw notFound({ key: "apiErrors.apps.officialNotInstalled" });
    const { action, detail } = await write(tx, inst);
    await recordAudit(tx, actor, { action, targetType: "application", targetId: clientId, detail });
  });
}

/** A change to an application's scopes is a change to the application: its update time moves. */
export async function touchApp(tx: Tx, applicationId: string): Promise<void> {
  await tx
    .update(applications)
    .set({ updatedAt: sql`now()` })
    .where(eq(applications.id, applicationId));
}
