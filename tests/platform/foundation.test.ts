import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { seed } from "@/db/seed";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { createConsoleSession, loadSessionPrincipal } from "@/lib/auth/console-session";
import { isAdministrator, canReadRam } from "@/lib/ram/admin";
import { createUser } from "@/lib/ram/users/create-user";
import { attachPolicy } from "@/lib/ram/attachments/attach-policy";
import { updateUser } from "@/lib/ram/users/update-user";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";

const db = setupSeededDatabase();

async function counts() {
  const tables = [
    s.accounts,
    s.ramUsers,
    s.ramGroups,
    s.groupMembers,
    s.ramRoles,
    s.roleTrustees,
    s.policyAttachments,
    s.applications,
    s.appScopes,
    s.appSecrets,
  ];
  return Promise.all(tables.map(async (t) => (await db().db.select({ n: count() }).from(t))[0]!.n));
}

/** The owner of acme attaches a policy to a group or role. */
const ownerAttaches = async (principalType: "group" | "role", principalId: string, policyName: string) =>
  attachPolicy({ actor: await principalOf(db().db, "owner@acme"), principalType, principalId, policyName });

describe(`foundation on ${process.env.TEST_DB}`, () => {
  it("applies migrations from empty and loads the demo data", async () => {
    const [accounts, users] = await counts();
    expect(accounts).toBe(4); // acme, globex, isv and the platform account of the official applications
    expect(users).toBe(5);
  });

  it("seeds idempotently: a second run adds nothing", async () => {
    const before = await counts();
    await seed(db().db);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["owner@acme", true],
    ["admin@acme", true],
    ["alice@acme", false],
    ["bob@acme", false],
    ["alice@acme as auditor", false],
    ["admin@globex", true],
    ["carol@globex", false],
  ])("isAdministrator(%s) = %s", async (who, expected) => {
    expect(await isAdministrator(db().db, await principalOf(db().db, who))).toBe(expected);
  });

  it("reads RAM with AliyunRAMReadOnlyAccess, or ReadOnlyAccess through a role session", async () => {
    expect(await canReadRam(db().db, await principalOf(db().db, "bob@acme"))).toBe(true);
    expect(await canReadRam(db().db, await principalOf(db().db, "alice@acme as auditor"))).toBe(true);
    expect(await canReadRam(db().db, await principalOf(db().db, "alice@acme"))).toBe(false);
  });

  it("makes an administrator through a group's policy", async () => {
    const [group] = await db().db.select().from(s.ramGroups).where(eq(s.ramGroups.name, "developers"));
    await ownerAttaches("group", group!.id, "AdministratorAccess");
    expect(await isAdministrator(db().db, await principalOf(db().db, "alice@acme"))).toBe(true);
  });

  it("makes an administrator through a role session", async () => {
    const [role] = await db().db.select().from(s.ramRoles).where(eq(s.ramRoles.name, "auditor"));
    await ownerAttaches("role", role!.id, "AliyunRAMFullAccess");
    expect(await isAdministrator(db().db, await principalOf(db().db, "alice@acme as auditor"))).toBe(true);
  });

  it("checks credentials with one generic failure", async () => {
    expect(await verifyCredentials(db().db, "owner@acme.example", "Demo-Passw0rd")).toMatchObject({ userId: null });
    expect(await verifyCredentials(db().db, "ALICE@acme.onaliyun.com", "Demo-Passw0rd")).toMatchObject({
      userId: expect.any(String),
    });
    expect(await verifyCredentials(db().db, "alice@acme.onaliyun.com", "wrong")).toBeNull();
    expect(await verifyCredentials(db().db, "alice@nosuch.onaliyun.com", "Demo-Passw0rd")).toBeNull();
    expect(await verifyCredentials(db().db, "nobody@example.com", "Demo-Passw0rd")).toBeNull();
  });

  it("creates a user that can sign in; a plain user can not create users; every change is audited", async () => {
    const admin = await principalOf(db().db, "admin@acme");
    const carolLike = await principalOf(db().db, "carol@globex"); // a plain RAM user
    await expect(
      createUser({ actor: carolLike, input: { name: "eve", displayName: "Eve", password: "Str0ng-pass" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const user = await createUser({
      actor: admin,
      input: { name: "dave", displayName: "Dave", password: "Str0ng-pass" },
    });
    expect(user.logonName).toBe("dave@acme.onaliyun.com");
    await expect(
      createUser({ actor: admin, input: { name: "dave", displayName: "Dave", password: "Str0ng-pass" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await verifyCredentials(db().db, "dave@acme.onaliyun.com", "Str0ng-pass")).toMatchObject({
      userId: user.id,
    });
    const events = await db().db.select().from(s.auditEvents).where(eq(s.auditEvents.targetId, user.id));
    expect(events.map((e) => [e.action, e.actor])).toEqual([["CreateUser", "admin@acme.onaliyun.com"]]);
  });

  it("disabling a user ends its console session and refuses its sign-in", async () => {
    const admin = await principalOf(db().db, "admin@acme");
    const bob = await principalOf(db().db, "bob@acme");
    const sid = await createConsoleSession(db().db, { accountId: bob.accountId, userId: bob.userId });
    expect(await loadSessionPrincipal(db().db, sid)).toMatchObject({
      logonName: "bob@acme.onaliyun.com",
      kind: "user",
    });
    await updateUser({ actor: admin, userId: bob.userId!, input: { enabled: false } });
    expect(await loadSessionPrincipal(db().db, sid)).toBeNull();
    expect(await verifyCredentials(db().db, "bob@acme.onaliyun.com", "Demo-Passw0rd")).toBeNull();
  });

  it("does not let one account touch another account's users", async () => {
    const globexAdmin = await principalOf(db().db, "admin@globex");
    const alice = await principalOf(db().db, "alice@acme");
    await expect(
      updateUser({ actor: globexAdmin, userId: alice.userId!, input: { displayName: "x" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      attachPolicy({
        actor: globexAdmin,
        principalType: "user",
        principalId: alice.userId!,
        policyName: "AdministratorAccess",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
