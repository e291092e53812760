import path from "node:path";
import type { PGlite as PGliteType } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

/** What both drivers (node-postgres, PGlite) answer a raw `execute()` with: at least its rows. */
type Rows<R> = { rows: R[] };
interface QueryResultHKT extends PgQueryResultHKT {
  readonly type: Rows<this["row"]>;
}

export type Db = PgDatabase<QueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Handle = {
  db: Db;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
  /** PostgreSQL only. */
  pool?: import("pg").Pool;
};

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Kept on globalThis: Next.js bundles route handlers and pages separately, and module-level state
 * would open the embedded database twice in one process.
 */
const store = globalThis as typeof globalThis & { __ramConsoleDb?: Promise<Handle> };

/**
 * The process-wide database, opened on first use (never at import: `next build` loads route
 * modules in worker processes, and an embedded PGlite folder serves one process).
 */
export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

export function getHandle(): Promise<Handle> {
  store.__ramConsoleDb ??= openFromEnv().catch((error: unknown) => {
    store.__ramConsoleDb = undefined;
    throw error;
  });
  return store.__ramConsoleDb;
}

async function openFromEnv(): Promise<Handle> {
  const env = getEnv();
  const handle = env.databaseUrl
    ? await openPostgres(env.databaseUrl, env.poolMax)
    : await openPglite(env.pgliteDataDir);
  await migrateDatabase(handle);
  const { loadStartupData } = await import("./startup");
  await loadStartupData(handle.db, { demoData: env.seedDemoData });
  return handle;
}

export async function openPostgres(url: string, max = 10): Promise<Handle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  // Nor a checked-out one (inside a transaction): pg emits "error" on the client itself, and an
  // "error" event without a listener ends the process. Its queries fail, the request answers 503.
  pool.on("connect", (client) => client.on("error", () => {}));
  const db: Db = drizzle(pool, { schema });
  return { db, kind: "postgres", pool, close: () => pool.end() };
}

/** `dataDir` undefined = in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { withNamedStatements } = await import("./pglite-statements");
  const client = dataDir ? new PGlite(path.resolve(dataDir)) : new PGlite();
  await client.waitReady;
  // Prepared statements (db/prepared.ts) run as named statements, as they do on PostgreSQL.
  const db: Db = drizzle(withNamedStatements(client) as PGliteType, { schema });
  return { db, kind: "pglite", close: () => client.close() };
}

export async function migrateDatabase(handle: Handle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
    return;
  }
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  // Several server processes may start together on one PostgreSQL: one migrates, the others wait.
  const lock = await handle.pool!.connect();
  try {
    await lock.query("select pg_advisory_lock(72471001)");
    await migrate(handle.db as never, { migrationsFolder });
  } finally {
    await lock.query("select pg_advisory_unlock(72471001)").catch(() => {});
    lock.release();
  }
}

/** Tests open their own database and install it as the process-wide one. */
export function setHandleForTests(handle: Handle): void {
  store.__ramConsoleDb = Promise.resolve(handle);
}
