import { beforeAll } from "vitest";
import { setHandleForTests, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import type { TestDb } from "../helpers/db";

export type LoggedQuery = { sql: string; params: unknown[] };

/** Transaction control is sent by node-postgres as statements but not by PGlite: never counted. */
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/**
 * Records the statements the code under test sends, through drizzle's logger. Call after
 * setupSeededDatabase(): it installs a second drizzle instance, over the same connection, that logs.
 */
export function setupQueryLog(testDb: () => TestDb): { log: LoggedQuery[]; count: <T>(fn: () => Promise<T>) => Promise<{ result: T; queries: LoggedQuery[] }> } {
  const log: LoggedQuery[] = [];
  let recording = false;
  const logger = {
    logQuery(query: string, params: unknown[]) {
      if (recording && !CONTROL.test(query)) log.push({ sql: query, params });
    },
  };
  beforeAll(async () => {
    const handle = testDb();
    const client = (handle.db as unknown as { $client: unknown }).$client;
    const db =
      handle.kind === "postgres"
        ? (await import("drizzle-orm/node-postgres")).drizzle(client as never, { schema, logger })
        : (await import("drizzle-orm/pglite")).drizzle(client as never, { schema, logger });
    setHandleForTests({ ...handle, db: db as unknown as Db });
  });
  return {
    log,
    /** Runs fn and returns the statements it sent (only its own: tests in one file run one at a time). */
    async count(fn) {
      log.length = 0;
      recording = true;
      try {
        const result = await fn();
        return { result, queries: [...log] };
      } finally {
        recording = false;
      }
    },
  };
}

/** The first words of each statement, for readable failure messages. */
export function summarize(queries: LoggedQuery[]): string[] {
  return queries.map((q) => q.sql.replace(/\s+/g, " ").slice(0, 90));
}
