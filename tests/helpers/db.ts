import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { migrateDatabase, openPglite, openPostgres, setHandleForTests, type Handle } from "@/db/client";
import { seed } from "@/db/seed";

/** The admin connection for throwaway databases (this machine's PostgreSQL, trust auth). */
export const ADMIN_PG_URL = process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type TestDb = Handle & { dispose: () => Promise<void> };

/** A fresh, migrated database of the kind this Vitest project tests (TEST_DB=pglite|postgres). */
export async function createTestDatabase(): Promise<TestDb> {
  if (process.env.TEST_DB === "postgres") {
    const { Client } = await import("pg");
    const name = `t_${randomBytes(6).toString("hex")}`;
    const admin = new Client({ connectionString: ADMIN_PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(ADMIN_PG_URL);
    url.pathname = `/${name}`;
    const handle = await openPostgres(url.toString(), 20);
    await migrateDatabase(handle);
    return {
      ...handle,
      async dispose() {
        await handle.close();
        const c = new Client({ connectionString: ADMIN_PG_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const handle = await openPglite();
  await migrateDatabase(handle);
  return { ...handle, dispose: () => handle.close() };
}

/**
 * Per test file: a fresh database with the demo data, installed as the process-wide one
 * (services call getDb()). Returns a getter, filled in beforeAll.
 */
export function setupSeededDatabase(): () => TestDb {
  let db: TestDb | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seed(db.db);
    setHandleForTests(db);
  });
  afterAll(async () => {
    await db?.dispose();
  });
  return () => {
    if (!db) throw new Error("database not ready");
    return db;
  };
}
