import { Client } from "pg";
import { migrateDatabase, openPostgres, type Handle } from "@/db/client";
import { seed } from "@/db/seed";

/** This machine's PostgreSQL (trust auth); the bench creates and drops its own database on it. */
export const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type BenchDb = {
  name: string;
  url: string;
  handle: Handle;
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  drop: () => Promise<void>;
};

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A throwaway database, migrated and seeded with the demo data. */
export async function createBenchDatabase(): Promise<BenchDb> {
  const name = `bench_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${process.pid}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 4);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await handle.close().catch(() => {});
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  };
  try {
    await migrateDatabase(handle);
    await seed(handle.db);
  } catch (error) {
    await drop();
    throw error;
  }
  const query = async <T>(text: string, params: unknown[] = []) => (await handle.pool!.query(text, params)).rows as T[];
  return { name, url: url.toString(), handle, query, drop };
}

export async function postgresVersion(db: BenchDb): Promise<string> {
  const [row] = await db.query<{ v: string }>("select current_setting('server_version') as v");
  return row?.v ?? "unknown";
}
