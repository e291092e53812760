import { beforeAll, describe, expect, it } from "vitest";
import { GET as listEvents } from "@/app/api/v1/audit-events/route";
import { AUDIT_EXPORT_BATCH } from "@/lib/audit-log/audit-filters";
import { csvCell } from "@/lib/audit-log/export-audit-csv";
import { exportCsv, getEvents, insertEvents, ISSUER } from "../fixtures/audit-fixtures";
import { setupSeededDatabase } from "../fixtures/db";
import { accountIdOf } from "../fixtures/security-targets";

/** GET /api/v1/audit-events and its CSV export: filters, keyset pages, who may read, and no other tenant's rows. */
const db = setupSeededDatabase();
const START = new Date("2026-06-01T12:00:00Z");

beforeAll(async () => {
  const d = db().db;
  const acme = await accountIdOf(d, "acme");
  // 250 events, three actions, five people, two applications, two events per second (keyset ties).
  await insertEvents(d, {
    accountId: acme,
    n: 250,
    tag: "page",
    start: START,
    actions: ["BulkA", "BulkB", "BulkC"],
    actors: 5,
    clientIds: ["app-one", "app-two"],
    sameTimeEvery: 2,
  });
  await insertEvents(d, { accountId: await accountIdOf(d, "globex"), n: 20, tag: "other", start: START });
});

async function allPages(query: Record<string, string>) {
  const seen: number[] = [];
  let cursor: string | null = "";
  let pages = 0;
  while (cursor !== null) {
    const { status, body } = await getEvents(db().db, "bob@acme", { ...query, ...(cursor ? { cursor } : {}) });
    expect(status).toBe(200);
    seen.push(...body.items.map((e) => e.id));
    cursor = body.nextCursor;
    pages++;
  }
  return { seen, pages };
}

describe(`operation logs API on ${process.env.TEST_DB}`, () => {
  it("pages newest first with a cursor: every event once, none skipped at equal times", async () => {
    const to = START.toISOString();
    const { seen, pages } = await allPages({ to, limit: "40", actor: "" });
    expect(seen.length).toBe(250);
    expect(new Set(seen).size).toBe(250);
    expect(pages).toBe(7);
    const first = (await getEvents(db().db, "bob@acme", { to, limit: "3" })).body.items;
    expect(first.map((e) => e.createdAt)).toEqual([to, to, new Date(START.getTime() - 1000).toISOString()]);
    expect(first[0]!.id).toBeGreaterThan(first[1]!.id);
  });

  it("filters by time range, person, action and application, and by all at once", async () => {
    const from = new Date(START.getTime() - 49_000).toISOString();
    const to = START.toISOString();
    expect((await allPages({ from, to })).seen.length).toBe(100);
    expect((await allPages({ to, actor: "PAGE-3@bulk.example" })).seen.length).toBe(50);
    expect((await allPages({ to, action: "BulkB" })).seen.length).toBe(83);
    expect((await allPages({ to, clientId: "app-two" })).seen.length).toBe(125);
    const { body } = await getEvents(db().db, "bob@acme", { from, to, actor: "page-1@bulk.example", action: "BulkB" });
    expect(body.items.length).toBeGreaterThan(0);
    for (const e of body.items) {
      expect([e.actorLogin, e.action]).toEqual(["page-1@bulk.example", "BulkB"]);
      expect(Date.parse(e.createdAt)).toBeGreaterThanOrEqual(Date.parse(from));
    }
  });

  it("is for administrators and readers: alice 403, signed out 401; globex never sees acme's events", async () => {
    expect((await getEvents(db().db, "admin@acme", { limit: "1" })).status).toBe(200);
    expect((await getEvents(db().db, "alice@acme as auditor", { limit: "1" })).status).toBe(200);
    const alice = await getEvents(db().db, "alice@acme");
    expect([alice.status, alice.body.error]).toEqual([403, "forbidden"]);
    const out = await listEvents(new Request(`${ISSUER}/api/v1/audit-events`), { params: Promise.resolve({}) });
    expect(out.status).toBe(401);
    const theirs = (await getEvents(db().db, "admin@globex", { action: "BulkA" })).body.items;
    expect(theirs).toEqual([]);
    const own = (await getEvents(db().db, "admin@globex", { actor: "other-0@bulk.example", limit: "100" })).body;
    expect(own.items.length).toBe(20);
  });

  it("answers bad filters with 422 and a readable reason", async () => {
    const bad: Record<string, string>[] = [
      { from: "yesterday" },
      { from: "2026-06-02T00:00:00Z", to: "2026-06-01T00:00:00Z" },
      { cursor: "not-a-cursor" },
      { cursor: Buffer.from("2026-01-01T00:00:00.000000Z|1|2").toString("base64url") },
      { action: "Drop Table" },
      { limit: "1000" },
      { actor: "x".repeat(300) },
    ];
    for (const query of bad) {
      const { status, body } = await getEvents(db().db, "bob@acme", query);
      expect([status, body.error], JSON.stringify(query)).toEqual([422, "invalid_input"]);
      expect(body.message).not.toMatch(/operationLogs\./);
    }
    const zh = await getEvents(
      db().db,
      "bob@acme",
      { from: "2026-06-02", to: "2026-06-01" },
      { "accept-language": "zh-CN" },
    );
    expect(zh.body.message).toBe("from: 开始时间不能晚于结束时间。");
  });

  it("exports the same filters as a streamed CSV, for readers only, with formulas neutralised", async () => {
    const res = await exportCsv(db().db, "bob@acme", { to: START.toISOString(), action: "BulkC" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="operation-logs-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.body).toBeInstanceOf(ReadableStream);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "time,actor,actor_type,via_application,action,target_type,target_id,application,result,detail",
    );
    expect(lines.length).toBe(1 + 83);
    expect(lines[1]).toMatch(
      /^2026-06-01T\d\d:\d\d:\d\d\.000Z,page-\d@bulk\.example,user,,BulkC,user,bulk-\d+,app-(one|two),success,\{\}$/,
    );
    expect((await exportCsv(db().db, "alice@acme")).status).toBe(403);
    const theirs = await (await exportCsv(db().db, "admin@globex", { action: "BulkC" })).arrayBuffer();
    // A UTF-8 BOM (for spreadsheets) and the header line: none of acme's events.
    expect(Buffer.from(theirs).toString("utf8")).toBe(`\uFEFF${lines[0]}\r\n`);
    expect((await exportCsv(db().db, "bob@acme", { from: "soon" })).status).toBe(422);
  });

  it("streams an export larger than one keyset batch, every event once", async () => {
    const n = AUDIT_EXPORT_BATCH * 2 + 7;
    await insertEvents(db().db, { accountId: await accountIdOf(db().db, "acme"), n, tag: "many", start: START });
    const text = await (await exportCsv(db().db, "admin@acme", { action: "Bulkmany" })).text();
    const ids = text
      .trimEnd()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(",")[6]);
    expect(ids.length).toBe(n);
    expect(new Set(ids).size).toBe(n);
  });

  it("escapes CSV cells: quotes, line breaks and a leading = + - @ (OWASP CSV injection)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("=1,\n2")).toBe('"\'=1,\n2"');
  });
});
