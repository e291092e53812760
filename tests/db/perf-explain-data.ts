import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { TestDb } from "../helpers/db";
import type { LoggedQuery } from "./perf-fixtures";

/**
 * 20 000 rows in each hot table, set-based: 5 000 applications of the isv account, 20 accounts
 * with 1 000 installations each (acme too), one grant per installation with an access token, a
 * refresh token and a code, and 20 000 pending consent requests.
 */
export async function fillTables(db: Db, opts: { accountId: string; sessionId: string; installationId: string }): Promise<void> {
  await db.execute(sql`
    insert into applications (client_id, account_id, name, type, redirect_uris, third_party)
    select 'perf-app-' || i, (select id from accounts where alias = 'isv'), 'Perf App ' || i, 'WebApp', '["http://127.0.0.1:1/cb"]'::jsonb, true
    from generate_series(1, 5000) i`);
  await db.execute(sql`
    insert into accounts (uid, alias, owner_email, owner_password_hash)
    select '19' || lpad(i::text, 14, '0'), 'perf' || i, 'owner@perf' || i || '.example', 'x' from generate_series(1, 19) i`);
  await db.execute(sql`
    insert into installations (account_id, app_id, scopes, source, installed_by, created_at, updated_at)
    select a.id, p.id, '["openid"]'::jsonb, 'consent', 'perf', now() - (p.rn || ' minutes')::interval, now()
    from (select id, row_number() over (order by id) % 5 as k from accounts where alias like 'perf%' or id = ${opts.accountId}) a
    join (select id, row_number() over (order by client_id) as rn from applications where client_id like 'perf-app-%') p on p.rn % 5 = a.k
    on conflict do nothing`);
  await db.execute(sql`
    insert into grants (account_id, app_id, installation_id, subject, scope, auth_time)
    select account_id, app_id, id, gen_random_uuid(), 'openid', now() from installations where installed_by = 'perf'`);
  await db.execute(sql`
    insert into access_tokens (token_hash, grant_id, installation_id, expires_at)
    select md5('a' || id::text), id, installation_id, now() + interval '1 hour' from grants where scope = 'openid' and user_id is null`);
  await db.execute(sql`
    insert into refresh_tokens (token_hash, grant_id, installation_id, expires_at)
    select md5('r' || id::text), id, installation_id, now() + interval '1 day' from grants where scope = 'openid' and user_id is null`);
  await db.execute(sql`
    insert into auth_codes (code_hash, account_id, app_id, installation_id, subject, scope, auth_time, redirect_uri, expires_at)
    select md5('c' || id::text), account_id, app_id, installation_id, subject, scope, auth_time, 'http://127.0.0.1:1/cb', now() + interval '1 minute'
    from grants where scope = 'openid' and user_id is null`);
  await db.execute(sql`
    insert into consent_requests (id, session_id, app_id, params, kind, expires_at)
    select 'perf-consent-' || i, ${opts.sessionId}, (select app_id from installations where id = ${opts.installationId}), '{}'::jsonb, 'install', now() + interval '10 minutes'
    from generate_series(1, 20000) i`);
}

export type PlanNode = { type: string; relation?: string; index?: string };

/** EXPLAIN (FORMAT JSON) of a captured statement with its own parameters, flattened to its nodes. */
export async function explain(handle: TestDb, q: LoggedQuery): Promise<PlanNode[]> {
  const text = `explain (format json) ${q.sql}`;
  const client = (handle.db as unknown as { $client: { query: (t: string, p: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> } }).$client;
  const { rows } = await client.query(text, q.params);
  const raw = rows[0]!["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: Record<string, unknown> }[];
  const nodes: PlanNode[] = [];
  const walk = (n: Record<string, unknown>) => {
    nodes.push({ type: n["Node Type"] as string, relation: n["Relation Name"] as string | undefined, index: n["Index Name"] as string | undefined });
    for (const child of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk(plan[0]!.Plan);
  return nodes;
}
