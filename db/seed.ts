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
  owner: string;
  users: DemoUser[];
  groups?: { name: string; members: string[] }[];
  roles?: { name: string; policies: string[]; trustees: string[] }[];
};

export const demoAccounts: DemoAccount[] = [
  {
    alias: "acme",
    uid: "1580000000000001",
    owner: "owner@acme.example",
    users: [
      { name: "admin", display: "Acme Administrator", policies: ["AliyunRAMFullAccess"] },
      { name: "alice", display: "Alice" },
      { name: "bob", display: "Bob", policies: ["AliyunRAMReadOnlyAccess"] },
    ],
    groups: [{ name: "developers", members: ["alice"] }],
    roles: [{ name: "auditor", policies: ["ReadOnlyAccess"], trustees: ["alice"] }],
  },
  {
    alias: "globex",
    uid: "1580000000000002",
    owner: "owner@globex.example",
    users: [
      { name: "admin", display: "Globex Administrator", policies: ["AliyunRAMFullAccess"] },
      { name: "carol", display: "Carol" },
    ],
  },
  { alias: "isv", uid: "1580000000000003", owner: "owner@isv.example", users: [] },
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
      .values({ alias: a.alias, uid: a.uid, ownerEmail: a.owner, ownerPasswordHash: await hashPassword(DEMO_PASSWORD) })
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
    for (const policyName of u.policies ?? []) {
      await tx
        .insert(s.policyAttachments)
        .values({ accountId, principalType: "user", principalId: row!.id, policyName })
        .onConflictDoNothing();
    }
  }
  for (const g of a.groups ?? []) {
    await tx.insert(s.ramGroups).values({ accountId, name: g.name }).onConflictDoNothing();
    const [group] = await tx
      .select({ id: s.ramGroups.id })
      .from(s.ramGroups)
      .where(and(eq(s.ramGroups.accountId, accountId), eq(s.ramGroups.name, g.name)));
    for (const m of g.members) {
      await tx
        .insert(s.groupMembers)
        .values({ groupId: group!.id, userId: userIds.get(m)! })
        .onConflictDoNothing();
    }
  }
  for (const r of a.roles ?? []) {
    await tx.insert(s.ramRoles).values({ accountId, name: r.name }).onConflictDoNothing();
    const [role] = await tx
      .select({ id: s.ramRoles.id })
      .from(s.ramRoles)
      .where(and(eq(s.ramRoles.accountId, accountId), eq(s.ramRoles.name, r.name)));
    for (const policyName of r.policies) {
      await tx
        .insert(s.policyAttachments)
        .values({ accountId, principalType: "role", principalId: role!.id, policyName })
        .onConflictDoNothing();
    }
    for (const t of r.trustees) {
      await tx
        .insert(s.roleTrustees)
        .values({ roleId: role!.id, userId: userIds.get(t)! })
        .onConflictDoNothing();
    }
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
