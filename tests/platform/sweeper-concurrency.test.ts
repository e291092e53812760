import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { getSigningKey } from "@/lib/oauth/keys";
import { sweepExpired, type SweepCounts } from "@/lib/sweep/sweep-expired";
import { setupSeededDatabase } from "../fixtures/db";
import { each, everywhere, insertEveryKind, OLD, present } from "../fixtures/sweep-rows";

/** Sweeps on PostgreSQL alongside other sweeps and other transactions: the lock, SKIP LOCKED, each row deleted once. */
const db = setupSeededDatabase();
let accountId: string;

beforeAll(async () => {
  const [acme] = await db().db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.alias, "acme"));
  accountId = acme!.id;
  await getSigningKey();
});

describe(`sweeper of expired state on ${process.env.TEST_DB}`, () => {
  it.runIf(process.env.TEST_DB === "postgres")(
    "runs two sweeps at once without an error and deletes each row once",
    async () => {
      const tags = ["d-1", "d-2", "d-3", "d-4", "d-5"];
      for (const tag of tags) await insertEveryKind(db().db, accountId, tag, OLD());

      const results = await Promise.all([sweepExpired(db().db), sweepExpired(db().db), sweepExpired(db().db)]);

      const total = each(0);
      for (const r of results)
        for (const [table, n] of Object.entries(r.deleted)) total[table as keyof SweepCounts] += n;
      expect(total).toEqual(each(5));
      expect(results.some((r) => r.ran)).toBe(true);
      expect(await present(db().db, tags)).toEqual(everywhere([]));
    },
  );

  it.runIf(process.env.TEST_DB === "postgres")("leaves the sweep to the process holding the sweep lock", async () => {
    await insertEveryKind(db().db, accountId, "e-1", OLD());
    const other = await db().pool!.connect();
    try {
      await other.query("select pg_advisory_lock(72471003)");
      expect(await sweepExpired(db().db)).toEqual({ ran: false, deleted: each(0) });
      expect(await present(db().db, ["e-1"])).toEqual(everywhere(["e-1"]));
    } finally {
      await other.query("select pg_advisory_unlock(72471003)");
      other.release();
    }
    expect((await sweepExpired(db().db)).deleted).toEqual(each(1));
  });

  it.runIf(process.env.TEST_DB === "postgres")(
    "skips, without waiting, rows another transaction holds locked",
    async () => {
      await insertEveryKind(db().db, accountId, "f-1", OLD());
      await insertEveryKind(db().db, accountId, "f-2", OLD());
      const other = await db().pool!.connect();
      try {
        await other.query("begin");
        await other.query("select 1 from rate_limits where key = 'f-1' for update");
        const result = await sweepExpired(db().db);
        expect(result.deleted).toEqual({ ...each(2), rateLimits: 1 });
        expect((await present(db().db, ["f-1", "f-2"])).rateLimits).toEqual(["f-1"]);
      } finally {
        await other.query("rollback");
        other.release();
      }
    },
  );
});
