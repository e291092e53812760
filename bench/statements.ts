import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { setHandleForTests, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { validateAccessToken } from "@/lib/oauth/token-validation";
import { enableStatementCache } from "@/server/statement-cache";

export type TokenLookupCost = {
  /** EXPLAIN ANALYZE of the access-token lookup (lib/oauth/token-validation.ts), median of 7 */
  planningMs: number;
  executionMs: number;
  /** validateAccessToken calls per second, 4 at a time, in this process: as the handlers run it, and with server/statement-cache.ts */
  unpreparedPerSecond: number;
  statementCachePerSecond: number;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function rate(url: string, cached: boolean, tokens: string[], seconds: number): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 4 });
  if (cached) enableStatementCache(pool);
  setHandleForTests({
    db: drizzle(pool, { schema }) as unknown as Db,
    kind: "postgres",
    pool,
    close: () => pool.end(),
  });
  const end = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: 4 }, async (_, k) => {
      for (let i = k; performance.now() < end; i += 4) {
        if (!(await validateAccessToken(tokens[i % tokens.length]!))) throw new Error("a sample token is not live");
        n++;
      }
    }),
  );
  await pool.end();
  return Math.round(n / seconds);
}

/** Where the time of the hottest statement goes: planning it on every request, or running it. */
export async function measureTokenLookup(url: string, tokens: string[], seconds: number): Promise<TokenLookupCost> {
  const pool = new Pool({ connectionString: url, max: 1 });
  let captured: { sql: string; params: unknown[] } | undefined;
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (sql, params) => (captured ??= { sql, params }) },
  }) as unknown as Db;
  setHandleForTests({ db, kind: "postgres", pool, close: () => pool.end() });
  await validateAccessToken(tokens[0]!);
  const planning: number[] = [];
  const execution: number[] = [];
  for (let i = 0; i < 7; i++) {
    const { rows } = await pool.query(`explain (analyze, summary) ${captured!.sql}`, captured!.params);
    const text = rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
    planning.push(Number(/Planning Time: ([\d.]+)/.exec(text)?.[1]));
    execution.push(Number(/Execution Time: ([\d.]+)/.exec(text)?.[1]));
  }
  await pool.end();
  return {
    planningMs: median(planning),
    executionMs: median(execution),
    unpreparedPerSecond: await rate(url, false, tokens, seconds),
    statementCachePerSecond: await rate(url, true, tokens, seconds),
  };
}
