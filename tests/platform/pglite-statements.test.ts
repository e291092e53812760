import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openPglite, type Handle } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import * as s from "@/db/schema";

/**
 * db/pglite-statements.ts: on PGlite, statements built with preparedOnce run as named prepared
 * statements (parsed and planned once per instance), with the same results, errors and
 * transaction behaviour as PGlite's own query().
 */
const onPglite = process.env.TEST_DB !== "postgres";
let handle: Handle;
const client = () =>
  (handle.db as unknown as { $client: { query: (t: string) => Promise<{ rows: Record<string, unknown>[] }> } }).$client;

const policyByName = () =>
  preparedOnce(handle.db, "test_policy_by_name", () =>
    handle.db
      .select({ name: s.policies.name, description: s.policies.description })
      .from(s.policies)
      .where(eq(s.policies.name, sql.placeholder("name")))
      .prepare("test_policy_by_name"),
  );

const insertRateLimit = () =>
  preparedOnce(handle.db, "test_rate_limit_insert", () =>
    handle.db
      .insert(s.rateLimits)
      .values({ key: sql.placeholder("key"), count: 1, resetAt: sql.placeholder("resetAt") })
      .prepare("test_rate_limit_insert"),
  );

beforeAll(async () => {
  if (!onPglite) return;
  handle = await openPglite();
  await migrateDatabase(handle);
  await handle.db.insert(s.policies).values({ name: "TestPolicy", description: "for the named statements" });
});
afterAll(() => handle?.close());

describe.skipIf(!onPglite)("named statements on PGlite", () => {
  it("runs a prepared statement as one named statement, planned generically after the first runs", async () => {
    for (let i = 0; i < 8; i++)
      expect(await policyByName().execute({ name: "TestPolicy" })).toEqual([
        { name: "TestPolicy", description: "for the named statements" },
      ]);
    expect(await policyByName().execute({ name: "NoSuchPolicy" })).toEqual([]);
    const { rows } = await client().query(
      'select generic_plans, custom_plans from pg_prepared_statements where statement like \'%"policies"."name" = $1%\'',
    );
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.generic_plans) + Number(rows[0]!.custom_plans)).toBe(9);
  });

  it("maps types as drizzle does (timestamps come back as Dates) and reports errors with their code", async () => {
    const resetAt = new Date(Date.now() + 60_000);
    await insertRateLimit().execute({ key: "named-1", resetAt });
    const [row] = await handle.db.select().from(s.rateLimits).where(eq(s.rateLimits.key, "named-1"));
    expect(row!.resetAt.getTime()).toBe(resetAt.getTime());
    const error = (await insertRateLimit()
      .execute({ key: "named-1", resetAt })
      .then(
        () => null,
        (e: unknown) => e,
      )) as { code?: string; cause?: { code?: string } } | null;
    expect(error?.cause?.code ?? error?.code).toBe("23505");
    // The failed statement left the session usable.
    expect(await policyByName().execute({ name: "TestPolicy" })).toHaveLength(1);
  });

  it("inside a transaction a named statement sees the transaction's writes and is rolled back with it", async () => {
    const resetAt = new Date(Date.now() + 60_000);
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(s.rateLimits).values({ key: "named-tx", count: 1, resetAt });
        const seen = await preparedOnce(tx, "test_rate_limit_by_key", () =>
          tx
            .select({ key: s.rateLimits.key })
            .from(s.rateLimits)
            .where(eq(s.rateLimits.key, sql.placeholder("key")))
            .prepare("test_rate_limit_by_key"),
        ).execute({ key: "named-tx" });
        expect(seen).toEqual([{ key: "named-tx" }]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await handle.db.select().from(s.rateLimits).where(eq(s.rateLimits.key, "named-tx"))).toEqual([]);
  });

  it("a statement outside a transaction waits for a running transaction instead of running inside it", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const resetAt = new Date(Date.now() + 60_000);
    const tx = handle.db.transaction(async (t) => {
      await t.insert(s.rateLimits).values({ key: "named-wait", count: 1, resetAt });
      await held;
      throw new Error("roll back");
    });
    const outside = insertRateLimit().execute({ key: "named-outside", resetAt });
    await new Promise((r) => setTimeout(r, 50));
    release();
    await expect(tx).rejects.toThrow("roll back");
    await outside;
    const keys = (await client().query("select key from rate_limits where key like 'named-%' order by key")).rows;
    expect(keys.map((k) => k.key)).toEqual(["named-1", "named-outside"]);
  });
});
