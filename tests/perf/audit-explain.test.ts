import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { readInstallationImpact } from "@/lib/apps/reads";
import { auditPageSchema } from "@/lib/audit-log/audit-filters";
import { readAuditEvents } from "@/lib/audit-log/read-audit-events";
import { sweepAuditEvents } from "@/lib/sweep/sweep-audit-events";
import { setupSeededDatabase } from "../fixtures/db";
import { explain, type PlanNode } from "../fixtures/perf-explain-data";
import { setupQueryLog, type LoggedQuery } from "../fixtures/perf-fixtures";
import { principalOf } from "../fixtures/principals";

/**
 * The operation logs and the revoke impact read by their indexes: EXPLAIN of their real statements
 * (captured through drizzle's logger) on 120 000 events (100 people, 30 actions, 20 applications in
 * acme, 40 000 more in globex) and 5 000 installations with 20 000 grants and 100 000 access and
 * refresh tokens each, after ANALYZE, sequential scans allowed: the planner picks the index because it
 * is cheapest, as it will on a million.
 */
const db = setupSeededDatabase();
const { count } = setupQueryLog(db);
const captured: Record<string, LoggedQuery[]> = {};
const record = async (name: string, fn: () => Promise<unknown>) => (captured[name] = (await count(fn)).queries);

beforeAll(async () => {
  const d = db().db;
  const admin = await principalOf(d, "admin@acme");
  await d.execute(sql`
    insert into audit_events (account_id, actor, actor_type, actor_login, app_client_id, via_client_id, action, target_type, target_id, created_at)
    select a.id, 'p' || (i % 100) || '@x', 'user', 'p' || (i % 100) || '@x', 'app-' || (i % 20),
           case when i % 7 = 0 then 'via-' || (i % 20) end, 'Action' || (i % 30), 'user', 'u' || i,
           now() - make_interval(secs => i)
    from generate_series(1, 120000) i
    join accounts a on a.alias = case when i % 3 = 0 then 'globex' else 'acme' end`);
  await d.execute(sql`
    insert into applications (client_id, account_id, name, type, third_party)
    select 'imp-app-' || i, (select id from accounts where alias = 'isv'), 'Impact ' || i, 'WebApp', true
    from generate_series(1, 5000) i`);
  await d.execute(sql`
    insert into installations (account_id, app_id, scopes, source, installed_by)
    select ${admin.accountId}::uuid, id, '["openid"]'::jsonb, 'consent', 'perf' from applications where client_id like 'imp-app-%'`);
  await d.execute(sql`
    insert into grants (account_id, app_id, installation_id, subject, scope, auth_time)
    select account_id, app_id, id, gen_random_uuid(), 'openid', now() from installations, generate_series(1, 4)
    where installed_by = 'perf'`);
  for (const table of ["access_tokens", "refresh_tokens"])
    await d.execute(
      sql`insert into ${sql.identifier(table)} (token_hash, grant_id, installation_id, expires_at)
        select md5(${table} || g.id::text || n), g.id, g.installation_id, now() + interval '1 hour'
        from grants g, generate_series(1, 5) n where g.scope = 'openid' and g.user_id is null`,
    );
  await d.execute(sql`analyze`);

  const read = (name: string, query: Record<string, string>) =>
    record(name, () => readAuditEvents({ actor: admin, query: auditPageSchema.parse(query) }));
  await read("newest page", {});
  await read("time range", { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date().toISOString() });
  await read("actor", { actor: "p42@x" });
  await read("action", { action: "Action17" });
  await read("application (subject or via)", { clientId: "app-7" });
  const first = await readAuditEvents({ actor: admin, query: auditPageSchema.parse({ action: "Action4" }) });
  await read("next page (cursor)", { action: "Action4", cursor: first.nextCursor! });
  await record("retention sweep", async () => sweepAuditEvents(await getDb()));
  await record("revoke impact", () => readInstallationImpact({ actor: admin, clientId: "imp-app-2500" }));
}, 180_000);

const flat = (s: string) => s.replace(/\s+/g, " ").trim();
const INDEX_NODES = new Set(["Index Scan", "Index Only Scan", "Bitmap Index Scan"]);

async function plansOf(name: string, statement: RegExp) {
  const matches = (captured[name] ?? []).filter((q) => statement.test(flat(q.sql)));
  expect(matches.length, `${name}: no statement matches ${statement}`).toBeGreaterThan(0);
  return Promise.all(
    matches.map(async (q) => {
      const nodes = await explain(db(), q);
      return {
        nodes,
        report: `${flat(q.sql)}\n${nodes.map((n) => `${n.type} ${n.relation ?? ""} ${n.index ?? ""}`).join("\n")}`,
      };
    }),
  );
}
const uses = (nodes: PlanNode[], index: string) => nodes.some((n) => INDEX_NODES.has(n.type) && n.index === index);
const seqScans = (nodes: PlanNode[], tables: string[]) =>
  nodes.filter((n) => n.type === "Seq Scan" && tables.includes(n.relation ?? ""));

describe(`operation logs and revoke impact use their indexes (EXPLAIN on ${process.env.TEST_DB})`, () => {
  it.each([
    ["newest page", ["audit_events_account_time"]],
    ["time range", ["audit_events_account_time"]],
    ["actor", ["audit_events_account_actor"]],
    ["action", ["audit_events_account_action"]],
    ["application (subject or via)", ["audit_events_account_app", "audit_events_account_via"]],
    ["next page (cursor)", ["audit_events_account_action"]],
  ])("the operation logs' %s reads %s", async (name, indexes) => {
    for (const { nodes, report } of await plansOf(name as string, /^\(?select .* from "audit_events"/)) {
      for (const index of indexes as string[]) expect(uses(nodes, index), report).toBe(true);
      expect(seqScans(nodes, ["audit_events"]), report).toEqual([]);
    }
  });

  it("the retention sweep finds expired events by account and time", async () => {
    for (const { nodes, report } of await plansOf("retention sweep", /^delete from "audit_events"/)) {
      expect(seqScans(nodes, ["audit_events"]), report).toEqual([]);
      expect(uses(nodes, "audit_events_account_time"), report).toBe(true);
    }
  });

  it("the revoke impact is one statement over the installation's grants and their tokens", async () => {
    const statements = captured["revoke impact"]!.filter((q) => !/policy_attachments|group_members/.test(q.sql));
    expect(statements.map((q) => flat(q.sql).slice(0, 60))).toHaveLength(1);
    for (const { nodes, report } of await plansOf("revoke impact", /^select .* from "installations"/)) {
      expect(
        seqScans(nodes, ["access_tokens", "refresh_tokens", "grants", "installations", "applications"]),
        report,
      ).toEqual([]);
      for (const index of ["grants_installation_user", "access_tokens_grant", "refresh_tokens_grant"])
        expect(uses(nodes, index), report).toBe(true);
    }
  });
});
