import { EventEmitter } from "node:events";
import { Pool } from "pg";
import { describe, expect, it } from "vitest";
import { enableStatementCache } from "@/server/statement-cache";

/** A pg client that records what it is asked to run, for a real pg Pool (no database). */
function fakePool(max = 2) {
  const sent: { name?: string; text: string }[] = [];
  class FakeClient extends EventEmitter {
    connect(cb?: (err: Error | null) => void) {
      if (cb) return cb(null);
      return Promise.resolve();
    }
    query(
      config: string | { name?: string; text: string },
      values?: unknown,
      cb?: (err: Error | null, res: unknown) => void,
    ) {
      sent.push(typeof config === "string" ? { text: config } : { name: config.name, text: config.text });
      const result = { rows: [], rowCount: 0 };
      const callback = typeof values === "function" ? (values as typeof cb) : cb;
      if (callback) return void callback(null, result);
      return Promise.resolve(result);
    }
    end() {
      return Promise.resolve();
    }
  }
  const pool = new Pool({ max, Client: FakeClient as never });
  return { pool, sent };
}

describe("statement cache (server/statement-cache.ts)", () => {
  it("names each distinct statement text, the same name every time, through pool.query and checked-out clients", async () => {
    const { pool, sent } = fakePool();
    enableStatementCache(pool);
    await pool.query({ text: "select $1::int", values: [1] } as never);
    const client = await pool.connect();
    await client.query({ text: "select $1::int", values: [2] } as never);
    await client.query({ text: "update t set a = $1", values: [3] } as never);
    client.release();
    await pool.query({ text: "select $1::int", values: [4] } as never);
    const names = sent.map((q) => q.name);
    expect(names[0]).toMatch(/^s_[A-Za-z0-9_-]{20}$/);
    expect([names[1], names[3]]).toEqual([names[0], names[0]]);
    expect(names[2]).toMatch(/^s_/);
    expect(names[2]).not.toBe(names[0]);
    await pool.end();
  });

  it("leaves plain strings and explicitly named statements alone", async () => {
    const { pool, sent } = fakePool();
    enableStatementCache(pool);
    await pool.query("begin");
    await pool.query({ name: "mine", text: "select 1" } as never);
    expect(sent).toEqual([{ text: "begin" }, { name: "mine", text: "select 1" }]);
    await pool.end();
  });

  it("names at most maxStatements texts; later texts run unnamed", async () => {
    const { pool, sent } = fakePool();
    enableStatementCache(pool, 2);
    for (const text of ["select 1", "select 2", "select 3", "select 1"]) await pool.query({ text } as never);
    expect(sent.map((q) => Boolean(q.name))).toEqual([true, true, false, true]);
    await pool.end();
  });
});
