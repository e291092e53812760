import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { DEMO_CLIENT } from "@/db/seed";

/** Test data for the Third-party Applications tab: applications and installations inserted directly. */
export async function accountId(db: Db, alias: string): Promise<string> {
  const [a] = await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.alias, alias));
  if (!a) throw new Error(`no account ${alias}`);
  return a.id;
}

export async function demoApp(db: Db): Promise<{ id: string; clientId: string }> {
  const [app] = await db.select({ id: s.applications.id, clientId: s.applications.clientId }).from(s.applications).where(eq(s.applications.clientId, DEMO_CLIENT.clientId));
  return app!;
}

let counter = 0;

export async function createApp(
  db: Db,
  opts: { owner: string; name: string; scopes?: { scope: string; required: boolean }[] },
): Promise<{ id: string; clientId: string }> {
  counter += 1;
  const clientId = `90${Date.now() % 1e9}${String(counter).padStart(5, "0")}`;
  const [app] = await db
    .insert(s.applications)
    .values({ clientId, accountId: await accountId(db, opts.owner), name: opts.name, type: "WebApp", redirectUris: ["http://127.0.0.1:9/cb"], thirdParty: true })
    .returning({ id: s.applications.id, clientId: s.applications.clientId });
  const scopes = opts.scopes ?? [{ scope: "openid", required: true }];
  await db.insert(s.appScopes).values(scopes.map((x) => ({ appId: app!.id, ...x })));
  return app!;
}

export async function install(
  db: Db,
  opts: { account: string; appId: string; scopes: string[]; createdAt?: Date; updatedAt?: Date; source?: "consent" | "provisioned" },
): Promise<string> {
  const [row] = await db
    .insert(s.installations)
    .values({
      accountId: await accountId(db, opts.account),
      appId: opts.appId,
      scopes: opts.scopes,
      source: opts.source ?? "consent",
      installedBy: `admin@${opts.account}.onaliyun.com`,
      ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
      ...(opts.updatedAt ? { updatedAt: opts.updatedAt } : {}),
    })
    .returning({ id: s.installations.id });
  return row!.id;
}

/** The raw value of the i-th token (1-based) that issueTokens issued in a grant; the table stores its hash. */
export const rawToken = (kind: "access" | "refresh", grantId: string, i: number) => `${kind}-${grantId}-${i}`;

/**
 * A token family of one person, and `tokens` access and refresh tokens in it, inserted in one
 * statement each; stored as lib/crypto/tokens.ts sha256 stores them (base64url of SHA-256).
 */
export async function issueTokens(
  db: Db,
  opts: { account: string; appId: string; installationId: string; tokens: number; subject?: string; userId?: string | null; scope?: string },
): Promise<string> {
  const [grant] = await db
    .insert(s.grants)
    .values({
      accountId: await accountId(db, opts.account),
      appId: opts.appId,
      installationId: opts.installationId,
      userId: opts.userId ?? null,
      subject: opts.subject ?? randomUUID(),
      scope: opts.scope ?? "openid",
      authTime: new Date(),
    })
    .returning({ id: s.grants.id });
  const id = grant!.id;
  for (const kind of ["access", "refresh"] as const) {
    await db.execute(
      sql`insert into ${sql.identifier(`${kind}_tokens`)} (token_hash, grant_id, installation_id, expires_at)
          select rtrim(translate(encode(sha256(convert_to(${`${kind}-${id}-`}::text || g, 'UTF8')), 'base64'), '+/', '-_'), '='),
                 ${id}::uuid, ${opts.installationId}::uuid, now() + interval '1 hour'
          from generate_series(1, ${opts.tokens}::int) g`,
    );
  }
  return id;
}

/**
 * Tokens of an installation that would still be accepted: not expired, not revoked, and their
 * installation still exists (tokens are checked against their installation, not rewritten).
 */
export async function liveTokens(db: Db, installationId: string): Promise<{ access: number; refresh: number }> {
  const count = async (t: typeof s.accessTokens | typeof s.refreshTokens) => {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(t)
      .innerJoin(s.installations, eq(s.installations.id, t.installationId))
      .where(and(eq(t.installationId, installationId), sql`${t.revokedAt} is null`, sql`${t.expiresAt} > now()`));
    return r!.n;
  };
  return { access: await count(s.accessTokens), refresh: await count(s.refreshTokens) };
}
