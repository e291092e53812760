import { and, eq, isNull, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { sweepAuditEvents } from "@/lib/sweep/sweep-audit-events";
import { getEvents, getRetention, insertEvents, putRetention } from "../fixtures/audit-fixtures";
import { setupSeededDatabase } from "../fixtures/db";
import { accountIdOf } from "../fixtures/security-targets";

/** The retention setting of the operation logs (GET/PUT /api/v1/audit-settings) and the sweep that enforces it. */
const db = setupSeededDatabase();
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const countTagged = async (tag: string) =>
  (
    await db()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(s.auditEvents)
      .where(like(s.auditEvents.actor, `${tag}-%`))
  )[0]!.n;

describe(`operation-log retention on ${process.env.TEST_DB}`, () => {
  it("is read by readers, set by administrators only, and the change is itself an event", async () => {
    expect(await getRetention(db().db, "bob@acme")).toEqual({ status: 200, body: { retentionDays: 180 } });
    expect((await getRetention(db().db, "alice@acme")).status).toBe(403);
    expect((await putRetention(db().db, "bob@acme", { retentionDays: 30 })).status).toBe(403);
    expect((await putRetention(db().db, "alice@acme as auditor", { retentionDays: 30 })).status).toBe(403);
    expect(await putRetention(db().db, "admin@acme", { retentionDays: 30 })).toEqual({
      status: 200,
      body: { retentionDays: 30 },
    });
    expect((await getRetention(db().db, "admin@globex")).body.retentionDays).toBe(180);
    const [event] = (await getEvents(db().db, "bob@acme", { action: "UpdateAuditRetention" })).body.items;
    expect(event).toMatchObject({
      actor: "admin@acme.onaliyun.com",
      targetType: "account",
      detail: { from: 180, to: 30 },
    });
  });

  it("refuses a retention that is not a whole number of days from 1 to 3650 (422), changing nothing", async () => {
    for (const body of [
      { retentionDays: 0 },
      { retentionDays: 3651 },
      { retentionDays: 7.5 },
      { retentionDays: "30" },
      { retentionDays: 30, extra: true },
      {},
    ]) {
      const res = await putRetention(db().db, "owner@acme", body);
      expect([res.status, res.body.error], JSON.stringify(body)).toEqual([422, "invalid_input"]);
    }
    expect((await getRetention(db().db, "owner@acme")).body.retentionDays).toBe(30);
  });

  it("sweeps each account's events older than its retention, and system events after 180 days, in batches", async () => {
    const d = db().db;
    const acme = await accountIdOf(d, "acme");
    const globex = await accountIdOf(d, "globex");
    await insertEvents(d, { accountId: acme, n: 5, tag: "acme-old", start: daysAgo(31) });
    await insertEvents(d, { accountId: acme, n: 5, tag: "acme-new", start: daysAgo(29) });
    await insertEvents(d, { accountId: globex, n: 5, tag: "globex-old", start: daysAgo(31) });
    await d.insert(s.auditEvents).values([
      {
        actor: "system-old-1",
        actorType: "system",
        action: "RegisterMcpClient",
        targetType: "mcp-client",
        targetId: "a",
        createdAt: daysAgo(181),
      },
      {
        actor: "system-new-1",
        actorType: "system",
        action: "RegisterMcpClient",
        targetType: "mcp-client",
        targetId: "b",
        createdAt: daysAgo(179),
      },
    ]);

    expect(await sweepAuditEvents(d, { batch: 3 })).toBe(4);
    expect(await sweepAuditEvents(d, { batch: 3 })).toBe(2);
    expect(await sweepAuditEvents(d, { batch: 3 })).toBe(0);
    expect([await countTagged("acme-old"), await countTagged("acme-new"), await countTagged("globex-old")]).toEqual([
      0, 5, 5,
    ]);
    const system = await d
      .select({ actor: s.auditEvents.actor })
      .from(s.auditEvents)
      .where(and(isNull(s.auditEvents.accountId), like(s.auditEvents.actor, "system-%")));
    expect(system.map((r) => r.actor)).toEqual(["system-new-1"]);
    // The retention change itself is recent: kept.
    const kept = await d.select().from(s.auditEvents).where(eq(s.auditEvents.action, "UpdateAuditRetention"));
    expect(kept.length).toBe(1);
  });
});
