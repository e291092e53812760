import { and, eq } from "drizzle-orm";
import { hashPassword } from "@/lib/crypto/password";
import { sha256 } from "@/lib/crypto/tokens";
import { loadCatalogIn } from "./catalog";
import type { Db, Tx } from "./client";
import * as s from "./schema";

export const DEMO_PASSWORD = "Demo-Passw0rd";

/** The demo third-party application "Insight Dashboard" (examples/third-party-app). */
export const DEMO_CLIENT = {
  clientId: "4071151845732613353",
  clientSecret: "demo-insight-dashboard-secret-change-me",
  redirectUri: "http://127.0.0.1:8765/callback",
} as const;

type DemoUser = { name: string; display: string; policies?: string[] };
type DemoAccount = {
  alias: string;
  uid: string;
  users: DemoUser[];
  groups?: { name: string; members: string[] }[];
  roles?: { name: string; policies: string[]; trustees: string[] }[];
};

/** An account's RAM administrator. */
const admin = (display: string): DemoUser => ({ name: "admin", display, policies: ["AliyunRAMFullAccess"] });

/** Each account's owner signs in as owner@<alias>.example. */
export const demoAccounts: DemoAccount[] = [
  {
    alias: "acme",
    uid: "1580000000000001",
    users: [
      admin("Acme Administrator"),
      { name: "alice", display: "Alice" },
      { name: "bob", display: "Bob", policies: ["AliyunRAMReadOnlyAccess"] },
    ],
    groups: [{ name: "developers", members: ["alice"] }],
    roles: [{ name: "auditor", policies: ["ReadOnlyAccess"], trustees: ["alice"] }],
  },
  {
    alias: "globex",
    uid: "1580000000000002",
    users: [admin("Globex Administrator"), { name: "carol", display: "Carol" }],
  },
  { alias: "isv", uid: "1580000000000003", users: [] },
];

/**
 * The demo data, with known passwords (DEMO_PASSWORD), plus the catalog (db/catalog.ts: the
 * platform account and the official applications, which are not demo data). Idempotent: running
 * it twice changes nothing the second time.
 */
export async function seed(db: Db): Promise<void> {
  await db.transaction((tx) => seedIn(tx));
}

export async function seedIn(tx: Tx): Promise<void> {
  await loadCatalogIn(tx);
  for (const a of demoAccounts) await seedAccount(tx, a);
  await seedDemoClient(tx);
}

async function seedAccount(tx: Tx, a: DemoAccount): Promise<void> {
  let [account] = await tx.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.alias, a.alias));
  if (!account) {
    [account] = await tx
      .insert(s.accounts)
      .values({
        alias: a.alias,
        uid: a.uid,
        ownerEmail: `owner@${a.alias}.example`,
        ownerPasswordHash: await hashPassword(DEMO_PASSWORD),
      })
      .returning({ id: s.accounts.id });
  }
  const accountId = account!.id;
  const userIds = new Map<string, string>();
  for (const u of a.users) {
    let [row] = await tx
      .select({ id: s.ramUsers.id })
      .from(s.ramUsers)
      .where(and(eq(s.ramUsers.accountId, accountId), eq(s.ramUsers.name, u.name)));
    if (!row) {
      [row] = await tx
        .insert(s.ramUsers)
        .values({ accountId, name: u.name, displayName: u.display, passwordHash: await hashPassword(DEMO_PASSWORD) })
        .returning({ id: s.ramUsers.id });
    }
    userIds.set(u.name, row!.id);
    await attachPolicies(tx, accountId, "user", row!.id, u.policies ?? []);
  }
  for (const g of a.groups ?? []) {
    const groupId = await ensureNamed(tx, s.ramGroups, accountId, g.name);
    for (const m of g.members)
      await tx
        .insert(s.groupMembers)
        .values({ groupId, userId: userIds.get(m)! })
        .onConflictDoNothing();
  }
  for (const r of a.roles ?? []) {
    const roleId = await ensureNamed(tx, s.ramRoles, accountId, r.name);
    await attachPolicies(tx, accountId, "role", roleId, r.policies);
    for (const t of r.trustees)
      await tx
        .insert(s.roleTrustees)
        .values({ roleId, userId: userIds.get(t)! })
        .onConflictDoNothing();
  }
}

/** The id of the account's group or role of that name, made if it is not there yet. */
async function ensureNamed(tx: Tx, table: typeof s.ramGroups | typeof s.ramRoles, accountId: string, name: string) {
  await tx.insert(table).values({ accountId, name }).onConflictDoNothing();
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.accountId, accountId), eq(table.name, name)));
  return row!.id;
}

async function attachPolicies(tx: Tx, accountId: string, type: s.PrincipalType, id: string, names: string[]) {
  for (const policyName of names) {
    await tx
      .insert(s.policyAttachments)
      .values({ accountId, principalType: type, principalId: id, policyName })
      .onConflictDoNothing();
  }
}

async function seedDemoClient(tx: Tx): Promise<void> {
  const [isv] = await tx.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.alias, "isv"));
  const inserted = await tx
    .insert(s.applications)
    .values({
      clientId: DEMO_CLIENT.clientId,
      accountId: isv!.id,
      name: "Insight Dashboard",
      type: "WebApp",
      redirectUris: [DEMO_CLIENT.redirectUri],
      description: "Dashboards of your cloud usage, by ISV Inc. The demo third-party application.",
      homepageUrl: "http://127.0.0.1:8765/",
      thirdParty: true,
    })
    .onConflictDoNothing()
    .returning({ id: s.applications.id });
  const app = inserted[0];
  if (!app) return;
  await tx.insert(s.appScopes).values([
    { applicationId: app.id, scope: "openid", required: true },
    { applicationId: app.id, scope: "profile", required: true },
    { applicationId: app.id, scope: "aliuid", required: false },
    { applicationId: app.id, scope: "permissions", required: false },
    { applicationId: app.id, scope: "/acs/ram", required: false },
  ]);
  await tx.insert(s.appSecrets).values({
    applicationId: app.id,
    secretHash: sha256(DEMO_CLIENT.clientSecret),
    prefix: DEMO_CLIENT.clientSecret.slice(0, 6),
  });
}
