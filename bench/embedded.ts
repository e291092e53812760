import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase, openPglite } from "@/db/client";
import type { PgliteClient } from "@/db/pglite-statements";
import { DEMO_CLIENT, seed } from "@/db/seed";
import type { BenchDb } from "./database";
import { countRows, generateDataset, type DatasetSize } from "./dataset";
import { installDemoClientInAcme, loadGrants, preIssueRefreshTokens, type Grants } from "./fixtures";

/** The tag of the refresh tokens issued into the embedded database before its server starts. */
export const EMBEDDED_REFRESH_TAG = "emb";

export type EmbeddedDb = {
  /** PGLITE_DATA_DIR for `npm start` */
  dataDir: string;
  grants: Grants;
  rows: Record<string, number>;
  generationSeconds: number;
  remove: () => void;
};

/**
 * The embedded default's database, made before its server starts (a PGlite folder serves one
 * process): a PGlite folder under .data/, migrated, with the demo data and the same generated data
 * set as the PostgreSQL run, and `refreshBudget` live refresh tokens (`bench-rt-emb-<i>`) for the
 * refresh scenario, since nothing else may write to it while the server runs.
 */
export async function createEmbeddedDatabase(size: DatasetSize, refreshBudget: number): Promise<EmbeddedDb> {
  const root = path.resolve(".data", `bench-embedded-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const dataDir = path.join(root, "pglite");
  const handle = await openPglite(dataDir);
  const client = (handle.db as unknown as { $client: PgliteClient }).$client;
  const db: BenchDb = {
    name: dataDir,
    url: "",
    handle,
    // Parameterless steps of the generator may hold several statements: those go through exec().
    query: async <T>(text: string, params: unknown[] = []) =>
      (params.length ? (await client.query(text, params)).rows : ((await client.exec(text)).at(-1)?.rows ?? [])) as T[],
    drop: async () => {},
  };
  try {
    await migrateDatabase(handle);
    await seed(handle.db);
    const generated = await generateDataset(db, size);
    await installDemoClientInAcme(db, DEMO_CLIENT.clientId);
    const grants = await loadGrants(db);
    await preIssueRefreshTokens(db, EMBEDDED_REFRESH_TAG, refreshBudget, grants.count, "oidc");
    await db.query("vacuum analyze refresh_tokens");
    const rows = await countRows(db);
    return {
      dataDir,
      grants,
      rows,
      generationSeconds: generated.totalSeconds,
      remove: () => rmSync(root, { recursive: true, force: true }),
    };
  } finally {
    await handle.close();
  }
}
