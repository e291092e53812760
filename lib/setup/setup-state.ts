import { hasHumanAccount } from "@/db/catalog";
import { getDb, type Db, type Tx } from "@/db/client";
import { installationState } from "@/db/schema";

/**
 * The first-run page is open only on a database where nobody has an account (the platform
 * account does not count) and no first-run has ever completed (installation_state), so deleting
 * accounts later never reopens it.
 */
export async function isSetupOpen(tx?: Db | Tx): Promise<boolean> {
  const q = tx ?? (await getDb());
  const done = await q.select({ id: installationState.id }).from(installationState).limit(1);
  if (done.length > 0) return false;
  return !(await hasHumanAccount(q));
}
