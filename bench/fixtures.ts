import { s256Challenge } from "@/lib/oauth/check-pkce";
import type { BenchDb } from "./database";
import { clientIdOf, REDIRECT_URI, secretOf, type DatasetSize } from "./dataset";

/** What the scenarios need to know about the generated grants: each grant's client. */
export type Grants = { count: number; clientOf: string[] };

export async function loadGrants(db: BenchDb): Promise<Grants> {
  const rows = await db.query<{ n: number; client_id: string }>("select n, client_id from bench_grants order by n");
  const clientOf: string[] = [];
  for (const r of rows) clientOf[r.n] = r.client_id;
  return { count: rows.length, clientOf };
}

/** The i-th OIDC grant (n % 10 ≠ 9) or API-only grant (n % 10 = 9), spread over the whole table; same formula in SQL below. */
export const oidcGrant = (i: number, g: number) => ((i * 7919) % Math.floor(g / 10)) * 10 + (i % 9);
export const apiGrant = (i: number, g: number) => ((i * 7919) % Math.floor(g / 10)) * 10 + 9;
const grantSql = (kind: "oidc" | "api", g: number) =>
  kind === "oidc"
    ? `((i * 7919) % ${Math.floor(g / 10)}) * 10 + (i % 9)`
    : `((i * 7919) % ${Math.floor(g / 10)}) * 10 + 9`;

const basicCache = new Map<string, string>();
export function basicAuth(clientId: string, secret = secretOf(clientId)): string {
  let v = basicCache.get(clientId);
  if (!v) basicCache.set(clientId, (v = `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`));
  return v;
}

/** The PKCE verifier of every pre-issued code (PKCE is required for every client). */
export const BENCH_VERIFIER = "bench-pkce-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";

/** Single-use authorization codes `bench-code-<tag>-<i>`, issued in one statement as issueAuthorizationCode would. */
export async function preIssueCodes(db: BenchDb, tag: string, count: number, g: number): Promise<void> {
  await db.query(
    `insert into auth_codes (code_hash, account_id, app_id, installation_id, user_id, subject, scope, auth_time, redirect_uri, code_challenge, expires_at)
    select bench_hash('bench-code-${tag}-' || i), b.account_id, b.app_id, b.installation_id, b.user_id, b.subject, b.scope, now(), $1, $3, now() + interval '15 minutes'
    from generate_series(0, $2::int - 1) i join bench_grants b on b.n = ${grantSql("oidc", g)}`,
    [REDIRECT_URI, count, s256Challenge(BENCH_VERIFIER)],
  );
}

/** Live refresh tokens `bench-rt-<tag>-<i>` on OIDC grants (their refresh signs an ID token) or API-only grants. */
export async function preIssueRefreshTokens(
  db: BenchDb,
  tag: string,
  count: number,
  g: number,
  kind: "oidc" | "api",
): Promise<void> {
  await db.query(
    `insert into refresh_tokens (token_hash, grant_id, installation_id, expires_at)
    select bench_hash('bench-rt-${tag}-' || i), b.grant_id, b.installation_id, now() + interval '1 day'
    from generate_series(0, $1::int - 1) i join bench_grants b on b.n = ${grantSql(kind, g)}`,
    [count],
  );
}

export function tokenForm(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

export const FORM = "application/x-www-form-urlencoded";

/** Signs in over HTTP as the sign-in form posts (POST /api/auth/sign-in); returns the Cookie header. */
export async function signIn(origin: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": FORM },
    body: tokenForm({ login, password }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in of ${login} failed: ${res.status}`);
  return session.split(";")[0]!;
}

/** The demo client installed in acme, for the silent authorization scenario. */
export async function installDemoClientInAcme(db: BenchDb, demoClientId: string): Promise<void> {
  await db.query(
    `insert into installations (account_id, app_id, scopes, source, installed_by)
    select a.id, p.id, '["openid","profile","aliuid","permissions","/acs/ram"]', 'consent', 'admin@acme.onaliyun.com'
    from accounts a, applications p where a.alias = 'acme' and p.client_id = $1 on conflict do nothing`,
    [demoClientId],
  );
}

/** The generated app that acme has not installed (its authorization shows the consent page). */
export const consentAppOf = (size: DatasetSize) => clientIdOf(size.heavyInstalls + size.deleteTargets + 1);
/** The d-th delete target: installed in acme with `tokensPerDeleteTarget` access tokens `bench-del-<d>-<i>`. */
export const deleteTargetOf = (size: DatasetSize, d: number) => clientIdOf(size.heavyInstalls + 1 + d);
