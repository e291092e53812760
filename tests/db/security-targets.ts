import { randomInt } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { sha256 } from "@/lib/crypto/tokens";

/**
 * Fresh objects for the security tests (permission matrix, tenant isolation, CSRF): each call makes
 * new rows, inserted directly (no password hashing, no audit), so no test row depends on another.
 */
let n = 0;
const next = () => `${process.pid % 1000}x${++n}`;

const accountIds = new Map<string, string>();
export async function accountIdOf(db: Db, alias: string): Promise<string> {
  if (!accountIds.has(alias)) {
    const [a] = await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.alias, alias));
    if (!a) throw new Error(`no account ${alias}`);
    accountIds.set(alias, a.id);
  }
  return accountIds.get(alias)!;
}

/** Ids are cached per database: a new file gets a new database, and a new module instance. */
export async function newUser(db: Db, alias = "acme"): Promise<string> {
  const [u] = await db
    .insert(s.ramUsers)
    .values({ accountId: await accountIdOf(db, alias), name: `u${next()}`, displayName: "Target", passwordHash: "not-a-real-hash" })
    .returning({ id: s.ramUsers.id });
  return u!.id;
}

export async function newGroup(db: Db, alias = "acme", member?: string): Promise<string> {
  const [g] = await db.insert(s.ramGroups).values({ accountId: await accountIdOf(db, alias), name: `g${next()}` }).returning({ id: s.ramGroups.id });
  if (member) await db.insert(s.groupMembers).values({ groupId: g!.id, userId: member });
  return g!.id;
}

export async function newRole(db: Db, alias = "acme", trustee?: string): Promise<string> {
  const [r] = await db.insert(s.ramRoles).values({ accountId: await accountIdOf(db, alias), name: `r${next()}` }).returning({ id: s.ramRoles.id });
  if (trustee) await db.insert(s.roleTrustees).values({ roleId: r!.id, userId: trustee });
  return r!.id;
}

export async function attach(db: Db, alias: string, principalType: "user" | "group" | "role", principalId: string, policyName = "ReadOnlyAccess") {
  await db.insert(s.policyAttachments).values({ accountId: await accountIdOf(db, alias), principalType, principalId, policyName });
}

const clientId = () => `4${String(Date.now() % 1e9).padStart(9, "0")}${String(randomInt(1e9)).padStart(9, "0")}`;

/** An application owned by `alias`: 19-digit App ID, openid required plus `scopes` optional, `secrets` secrets. */
export async function newApp(
  db: Db,
  opts: { owner: string; thirdParty?: boolean; official?: boolean; scopes?: string[]; secrets?: number; type?: "WebApp" | "NativeApp" },
): Promise<{ id: string; clientId: string; secretIds: string[] }> {
  const [app] = await db
    .insert(s.applications)
    .values({
      clientId: clientId(),
      accountId: await accountIdOf(db, opts.owner),
      name: `App ${next()}`,
      type: opts.type ?? "WebApp",
      redirectUris: ["https://app.example.com/cb"],
      thirdParty: opts.thirdParty ?? false,
      official: opts.official ?? false,
    })
    .returning({ id: s.applications.id, clientId: s.applications.clientId });
  await db.insert(s.appScopes).values([{ scope: "openid", required: true }, ...(opts.scopes ?? []).map((scope) => ({ scope, required: false }))].map((x) => ({ appId: app!.id, ...x })));
  const secretIds: string[] = [];
  for (let i = 0; i < (opts.secrets ?? 0); i++) {
    const [row] = await db.insert(s.appSecrets).values({ appId: app!.id, secretHash: sha256(`secret-${next()}`), prefix: "secret" }).returning({ id: s.appSecrets.id });
    secretIds.push(row!.id);
  }
  return { ...app!, secretIds };
}

export async function installIn(db: Db, alias: string, appId: string, source: "consent" | "provisioned" = "consent"): Promise<string> {
  const [row] = await db
    .insert(s.installations)
    .values({ accountId: await accountIdOf(db, alias), appId, scopes: ["openid"], source, installedBy: "test" })
    .returning({ id: s.installations.id });
  return row!.id;
}

/** A third-party application of isv, installed in `alias`. */
export async function installedThirdParty(db: Db, alias = "acme"): Promise<{ id: string; clientId: string; installationId: string }> {
  const app = await newApp(db, { owner: "isv", thirdParty: true, scopes: ["profile"] });
  return { ...app, installationId: await installIn(db, alias, app.id) };
}

/** An official application of the platform, provisioned in `alias` (unless null), with `assigned` users assigned. */
export async function officialApp(db: Db, alias: string | null, assigned: string[] = []) {
  const app = await newApp(db, { owner: "aliyun-official", thirdParty: true, official: true, scopes: ["profile"], type: "NativeApp" });
  if (!alias) return { ...app, installationId: null };
  const installationId = await installIn(db, alias, app.id, "provisioned");
  for (const userId of assigned) await db.insert(s.assignments).values({ installationId, principalType: "user", principalId: userId });
  return { ...app, installationId };
}

/** Every table a console request could change, as one fingerprint per table (order-independent). */
const WATCHED = [
  "accounts", "ram_users", "ram_groups", "group_members", "ram_roles", "role_trustees", "policy_attachments",
  "applications", "app_scopes", "app_secrets", "installations", "assignments", "personal_consents",
  "grants", "access_tokens", "refresh_tokens", "auth_codes", "audit_events",
];

export async function snapshot(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of WATCHED) {
    const result = await db.execute(sql`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${sql.identifier(table)} t`);
    const row = (result as unknown as { rows: { n: number; h: string }[] }).rows[0]!;
    out[table] = `${row.n}:${row.h}`;
  }
  // Console sessions: only whether any was ended or switched (each call makes a fresh one).
  const sessions = await db.execute(sql`select count(*)::int as n from console_sessions where revoked_at is not null or role_id is not null`);
  out.console_sessions = String((sessions as unknown as { rows: { n: number }[] }).rows[0]!.n);
  return out;
}
