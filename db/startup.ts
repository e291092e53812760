import { sql } from "drizzle-orm";
import { hasHumanAccount, loadCatalogIn } from "./catalog";
import type { Db } from "./client";

/**
 * What a server start loads into its (migrated) database: always the catalog (system policies,
 * the platform account, the official applications: no known password); the demo data (known
 * passwords) only when asked (`SEED_DEMO_DATA`, default on for the embedded database only) and
 * only into a database where nobody has an account yet. Several processes may start together on
 * one PostgreSQL: a transaction-scoped advisory lock lets one load while the others wait.
 */
export async function loadStartupData(db: Db, options: { demoData: boolean }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(72471002)`);
    if (options.demoData && !(await hasHumanAccount(tx))) {
      const { seedIn } = await import("./seed");
      await seedIn(tx);
      return;
    }
    await loadCatalogIn(tx);
  });
}
