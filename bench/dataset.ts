import { DEMO_PASSWORD } from "@/db/seed";
import { hashPassword } from "@/lib/crypto/password";
import type { BenchDb } from "./database";

export type DatasetSize = {
  accounts: number;
  usersPerAccount: number;
  apps: number;
  /** installations of the account acme (the Third-party Applications list scenario) */
  heavyInstalls: number;
  installsPerAccount: number;
  grants: number;
  /** access tokens spread over the grants */
  tokens: number;
  deleteTargets: number;
  tokensPerDeleteTarget: number;
};

/** Issue 8's data set: 5 000 accounts, 50 000 RAM users, 20 000 installations, 1 000 000 access tokens. */
export const FULL: DatasetSize = {
  accounts: 5_000,
  usersPerAccount: 10,
  apps: 6_000,
  heavyInstalls: 5_000,
  installsPerAccount: 3,
  grants: 100_000,
  tokens: 700_000,
  deleteTargets: 3,
  tokensPerDeleteTarget: 100_000,
};
export const SMALL: DatasetSize = {
  accounts: 50,
  usersPerAccount: 4,
  apps: 300,
  heavyInstalls: 250,
  installsPerAccount: 3,
  grants: 2_000,
  tokens: 20_000,
  deleteTargets: 3,
  tokensPerDeleteTarget: 2_000,
};

/** Generated applications are marked by their description; app i has client_id 9<i, 18 digits> and secret bench-secret-<client_id>. */
export const GENERATED = "bench-generated";
export const clientIdOf = (i: number) => `9${String(i).padStart(18, "0")}`;
export const secretOf = (clientId: string) => `bench-secret-${clientId}`;
export const REDIRECT_URI = "http://127.0.0.1:8765/callback";
const OIDC_SCOPE = "openid profile aliuid permissions";
/** Every tenth grant is API-only (no openid): its refresh needs no ID token. */
const API_SCOPE = "aliuid permissions /acs/ram";

/** base64url(sha256(text)), as lib/crypto/tokens.ts sha256() stores codes, tokens and secrets. */
const HASH_FN = `create or replace function bench_hash(text) returns text language sql immutable parallel safe as
  $$ select rtrim(translate(encode(sha256(convert_to($1, 'UTF8')), 'base64'), '+/', '-_'), '=') $$`;

/** Set-based generation (INSERT … SELECT generate_series); returns the seconds each step took. */
export async function generateDataset(
  db: BenchDb,
  size: DatasetSize,
): Promise<{ steps: Record<string, number>; totalSeconds: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const steps: Record<string, number> = {};
  const started = performance.now();
  const step = async (name: string, text: string, params: unknown[] = []) => {
    const t = performance.now();
    await db.query(text, params);
    steps[name] = Math.round(performance.now() - t) / 1000;
  };
  const { accounts: A, usersPerAccount: U, apps: P, grants: G } = size;
  await step("helpers", HASH_FN);
  await step(
    "accounts",
    `insert into accounts (uid, alias, owner_email, owner_password_hash)
    select '16' || lpad(i::text, 14, '0'), 'b' || i, 'owner@b' || i || '.example', $1 from generate_series(1, $2::int) i`,
    [passwordHash, A],
  );
  await step(
    "ram users",
    `insert into ram_users (account_id, name, display_name, password_hash)
    select a.id, 'u' || j, 'User ' || j || ' of ' || a.alias, $1 from accounts a cross join generate_series(1, $2::int) j where a.alias ~ '^b[0-9]+$'`,
    [passwordHash, U],
  );
  await step(
    "groups and policies",
    `
    with g as (insert into ram_groups (account_id, name) select id, 'staff' from accounts where alias ~ '^b[0-9]+$' returning id, account_id),
    m as (insert into group_members (group_id, user_id) select g.id, u.id from g join ram_users u on u.account_id = g.account_id where u.name in ('u3', 'u4', 'u5'))
    insert into policy_attachments (account_id, principal_type, principal_id, policy_name)
    select account_id, 'group', id, 'ReadOnlyAccess' from g
    union all
    select u.account_id, 'user', u.id, case u.name when 'u1' then 'AliyunRAMFullAccess' else 'AliyunRAMReadOnlyAccess' end
    from ram_users u join accounts a on a.id = u.account_id where a.alias ~ '^b[0-9]+$' and u.name in ('u1', 'u2')`,
  );
  await step(
    "applications",
    `insert into applications (client_id, account_id, name, type, redirect_uris, third_party, description)
    select '9' || lpad(i::text, 18, '0'), a.id, 'Bench App ' || lpad(i::text, 5, '0'), 'WebApp', $1::jsonb, true, $2
    from generate_series(1, $3::int) i join accounts a on a.alias = 'b' || ((i % $4::int) + 1)`,
    [JSON.stringify([REDIRECT_URI]), GENERATED, P, A],
  );
  await step(
    "scopes and secrets",
    `
    with s as (insert into app_scopes (app_id, scope, required)
      select a.id, s.scope, s.required from applications a
      cross join (values ('openid', true), ('profile', true), ('aliuid', false), ('permissions', false), ('/acs/ram', false)) s(scope, required)
      where a.description = $1)
    insert into app_secrets (app_id, secret_hash, prefix) select id, bench_hash('bench-secret-' || client_id), 'bench-' from applications where description = $1`,
    [GENERATED],
  );
  await step(
    "installations",
    `
    with acme as (select id from accounts where alias = 'acme'),
    apps as (select id, account_id, row_number() over (order by client_id) as n from applications where description = $1),
    heavy as (insert into installations (account_id, app_id, scopes, source, installed_by, created_at, updated_at)
      select acme.id, apps.id, '["openid","profile"]', 'consent', 'admin@acme.onaliyun.com', now() - n * interval '1 minute', now() - n * interval '1 second'
      from apps, acme where apps.n <= $2::int + $3::int)
    insert into installations (account_id, app_id, scopes, source, installed_by)
    select a.id, apps.id, '["openid","profile","aliuid","permissions","/acs/ram"]', 'consent', 'owner@' || a.alias || '.example'
    from (select id, alias, substr(alias, 2)::int as k from accounts where alias ~ '^b[0-9]+$') a
    cross join generate_series(0, $4::int - 1) m
    join apps on apps.n - 1 = (a.k * 7 + m * 1777) % $5::int
    where apps.account_id <> a.id
    on conflict do nothing`,
    [GENERATED, size.heavyInstalls, size.deleteTargets, size.installsPerAccount, P],
  );
  await step(
    "grants",
    `
    create table bench_grants (n int primary key, grant_id uuid not null, account_id uuid not null, app_id uuid not null,
      installation_id uuid not null, user_id uuid not null, subject uuid not null, scope text not null, client_id text not null);
    with inst as (
      select i.id, i.account_id, i.app_id, p.client_id, row_number() over (partition by i.account_id order by i.app_id) - 1 as r,
        count(*) over (partition by i.account_id) as c
      from installations i join accounts a on a.id = i.account_id join applications p on p.id = i.app_id where a.alias ~ '^b[0-9]+$')
    insert into bench_grants
    select n, gen_random_uuid(), acc.id, inst.app_id, inst.id, u.id, u.subject, case when n % 10 = 9 then '${API_SCOPE}' else '${OIDC_SCOPE}' end, inst.client_id
    from generate_series(0, ${G - 1}) n
    join accounts acc on acc.alias = 'b' || ((n % ${A}) + 1)
    join ram_users u on u.account_id = acc.id and u.name = 'u' || (((n / ${A}) % ${U}) + 1)
    join inst on inst.account_id = acc.id and inst.r = n % inst.c;
    insert into grants (id, account_id, app_id, installation_id, user_id, subject, scope, auth_time)
    select grant_id, account_id, app_id, installation_id, user_id, subject, scope, now() from bench_grants`,
  );
  await step(
    "access tokens",
    `insert into access_tokens (token_hash, grant_id, installation_id, expires_at)
    select bench_hash('bench-at-' || i), g.grant_id, g.installation_id, now() + interval '1 day'
    from generate_series(0, $1::int - 1) i join bench_grants g on g.n = i % $2::int`,
    [size.tokens, G],
  );
  await step(
    "refresh tokens",
    `insert into refresh_tokens (token_hash, grant_id, installation_id, expires_at)
    select bench_hash('bench-rt-' || n), grant_id, installation_id, now() + interval '90 days' from bench_grants`,
  );
  await step(
    "delete targets",
    `
    with targets as (
      select i.id as installation_id, i.account_id, i.app_id, row_number() over (order by p.client_id) - 1 as d
      from installations i join applications p on p.id = i.app_id join accounts a on a.id = i.account_id
      where a.alias = 'acme' and p.description = $1 and p.client_id > '9' || lpad($2::text, 18, '0')),
    alice as (select u.id, u.subject from ram_users u join accounts a on a.id = u.account_id where a.alias = 'acme' and u.name = 'alice'),
    g as (insert into grants (account_id, app_id, installation_id, user_id, subject, scope, auth_time)
      select t.account_id, t.app_id, t.installation_id, alice.id, alice.subject, '${OIDC_SCOPE}', now() from targets t, alice
      returning id, installation_id)
    insert into access_tokens (token_hash, grant_id, installation_id, expires_at)
    select bench_hash('bench-del-' || t.d || '-' || i), g.id, g.installation_id, now() + interval '1 day'
    from targets t join g on g.installation_id = t.installation_id cross join generate_series(0, $3::int - 1) i`,
    [GENERATED, size.heavyInstalls, size.tokensPerDeleteTarget],
  );
  await step("vacuum analyze", "vacuum analyze");
  return { steps, totalSeconds: Math.round(performance.now() - started) / 1000 };
}

export async function countRows(db: BenchDb): Promise<Record<string, number>> {
  const tables = [
    "accounts",
    "ram_users",
    "applications",
    "installations",
    "grants",
    "access_tokens",
    "refresh_tokens",
  ];
  const [row] = await db.query<Record<string, string>>(
    `select ${tables.map((t) => `(select count(*) from ${t}) as ${t}`).join(", ")}`,
  );
  return Object.fromEntries(tables.map((t) => [t, Number(row![t])]));
}
