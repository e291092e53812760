import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { createConsoleSession, loadSessionPrincipal } from "@/lib/auth/console-session";
import { isAdministrator } from "@/lib/ram/admin";
import { attachPolicy } from "@/lib/ram/attachments/attach-policy";
import { requireReader } from "@/lib/ram/require-role";
import { addGroupMember } from "@/lib/ram/groups/add-group-member";
import { createGroup } from "@/lib/ram/groups/create-group";
import { deleteGroup } from "@/lib/ram/groups/delete-group";
import { removeGroupMember } from "@/lib/ram/groups/remove-group-member";
import {
  getGroup,
  getRole,
  getUser,
  listGroups,
  listPolicyUsage,
  listRoles,
  listUserChoices,
  listUsers,
} from "@/lib/ram/queries";
import { addRoleTrustee } from "@/lib/ram/roles/add-role-trustee";
import { createRole } from "@/lib/ram/roles/create-role";
import { deleteRole } from "@/lib/ram/roles/delete-role";
import { removeRoleTrustee } from "@/lib/ram/roles/remove-role-trustee";
import { switchRole } from "@/lib/ram/switch-role";
import { createUser } from "@/lib/ram/users/create-user";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";

const db = setupSeededDatabase();
const who = (name: string) => principalOf(db().db, name);
const idOf = async (table: typeof s.ramGroups | typeof s.ramRoles, name: string) =>
  (await db().db.select({ id: table.id }).from(table).where(eq(table.name, name)))[0]!.id;
const auditOf = async (targetId: string) =>
  (
    await db().db.select().from(s.auditEvents).where(eq(s.auditEvents.targetId, targetId)).orderBy(s.auditEvents.id)
  ).map((e) => [e.action, e.actor]);

/** An application token family issued to a person (the columns have no foreign keys on purpose). */
async function insertGrant(accountId: string, userId: string, roleId: string | null) {
  const [g] = await db()
    .db.insert(s.grants)
    .values({
      accountId,
      applicationId: randomUUID(),
      installationId: randomUUID(),
      userId,
      roleId,
      subject: randomUUID(),
      scope: "openid",
      authTime: new Date(),
    })
    .returning({ id: s.grants.id });
  return g!.id;
}
const grantRevoked = async (id: string) =>
  (await db().db.select({ r: s.grants.revokedAt }).from(s.grants).where(eq(s.grants.id, id)))[0]!.r !== null;

describe(`identities on ${process.env.TEST_DB}`, () => {
  it("counts, per system policy, the users, groups and roles of each account that have it", async () => {
    const acme = await who("owner@acme");
    const globex = await who("owner@globex");
    expect(await listPolicyUsage({ actor: acme })).toEqual([
      expect.objectContaining({ name: "AdministratorAccess", users: 0, groups: 0, roles: 0 }),
      expect.objectContaining({ name: "AliyunRAMFullAccess", users: 1, groups: 0, roles: 0 }),
      expect.objectContaining({ name: "AliyunRAMReadOnlyAccess", users: 1, groups: 0, roles: 0 }),
      expect.objectContaining({ name: "ReadOnlyAccess", users: 0, groups: 0, roles: 1 }),
    ]);
    expect((await listPolicyUsage({ actor: globex })).map((p) => p.users)).toEqual([0, 1, 0, 0]);
  });

  it("creates a group once per name; membership gives the group's policies; every change is audited", async () => {
    const admin = await who("admin@acme");
    const group = await createGroup({ actor: admin, input: { name: "qa", description: "Quality" } });
    expect(group).toMatchObject({ name: "qa", description: "Quality" });
    await expect(createGroup({ actor: admin, input: { name: "QA" } })).rejects.toMatchObject({ code: "conflict" });
    const gina = await createUser({
      actor: admin,
      input: { name: "gina", displayName: "Gina", password: "Str0ng-pass" },
    });
    const ginaP = await who("gina@acme");
    await addGroupMember({ actor: admin, groupId: group.id, userId: gina.id });
    await expect(addGroupMember({ actor: admin, groupId: group.id, userId: gina.id })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await getGroup({ actor: admin, groupId: group.id }))!.members.map((m) => m.name)).toEqual(["gina"]);
    await attachPolicy({
      actor: admin,
      principalType: "group",
      principalId: group.id,
      policyName: "AliyunRAMFullAccess",
    });
    expect(await isAdministrator(db().db, ginaP)).toBe(true);
    await removeGroupMember({ actor: admin, groupId: group.id, userId: gina.id });
    expect(await isAdministrator(db().db, ginaP)).toBe(false);
    await expect(removeGroupMember({ actor: admin, groupId: group.id, userId: gina.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await auditOf(group.id)).toEqual([
      ["CreateGroup", "admin@acme.onaliyun.com"],
      ["AddUserToGroup", "admin@acme.onaliyun.com"],
      ["AttachPolicy", "admin@acme.onaliyun.com"],
      ["RemoveUserFromGroup", "admin@acme.onaliyun.com"],
    ]);
  });

  it("deletes a group with its memberships and policy attachments", async () => {
    const owner = await who("owner@acme");
    const alice = await who("alice@acme");
    const group = await createGroup({ actor: owner, input: { name: "temp" } });
    await addGroupMember({ actor: owner, groupId: group.id, userId: alice.userId! });
    await attachPolicy({
      actor: owner,
      principalType: "group",
      principalId: group.id,
      policyName: "AdministratorAccess",
    });
    expect(await isAdministrator(db().db, alice)).toBe(true);
    await deleteGroup({ actor: owner, groupId: group.id });
    expect(await isAdministrator(db().db, alice)).toBe(false);
    expect(await db().db.select().from(s.groupMembers).where(eq(s.groupMembers.groupId, group.id))).toEqual([]);
    expect(
      await db().db.select().from(s.policyAttachments).where(eq(s.policyAttachments.principalId, group.id)),
    ).toEqual([]);
    expect(await getGroup({ actor: owner, groupId: group.id })).toBeNull();
    expect((await auditOf(group.id)).at(-1)).toEqual(["DeleteGroup", "owner@acme.example"]);
    await expect(deleteGroup({ actor: owner, groupId: group.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteGroup({ actor: owner, groupId: "not-a-uuid" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists groups by search, only of the caller's account", async () => {
    const acme = await who("owner@acme");
    const globex = await who("owner@globex");
    expect((await listGroups({ actor: acme, search: "DEVEL" })).items.map((g) => g.name)).toEqual(["developers"]);
    expect((await listGroups({ actor: acme, search: "%" })).items).toEqual([]);
    expect(await listGroups({ actor: globex })).toMatchObject({ items: [], total: 0 });
  });

  it("creates roles and trusts users to switch to them; audited", async () => {
    const admin = await who("admin@acme");
    const bob = await who("bob@acme");
    const role = await createRole({ actor: admin, input: { name: "operator", description: "Runs things" } });
    await expect(createRole({ actor: admin, input: { name: "operator" } })).rejects.toMatchObject({ code: "conflict" });
    await addRoleTrustee({ actor: admin, roleId: role.id, userId: bob.userId! });
    await expect(addRoleTrustee({ actor: admin, roleId: role.id, userId: bob.userId! })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await getRole({ actor: admin, roleId: role.id }))!.trustees.map((t) => t.name)).toEqual(["bob"]);
    await removeRoleTrustee({ actor: admin, roleId: role.id, userId: bob.userId! });
    await expect(removeRoleTrustee({ actor: admin, roleId: role.id, userId: bob.userId! })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await getRole({ actor: admin, roleId: role.id }))!.trustees).toEqual([]);
    expect((await auditOf(role.id)).map(([action]) => action)).toEqual([
      "CreateRole",
      "AddRoleTrustee",
      "RemoveRoleTrustee",
    ]);
  });

  it("deleting a role ends its role sessions and revokes the app tokens issued to them", async () => {
    const admin = await who("admin@acme");
    const alice = await who("alice@acme");
    const role = await createRole({ actor: admin, input: { name: "on-call" } });
    await addRoleTrustee({ actor: admin, roleId: role.id, userId: alice.userId! });
    await attachPolicy({ actor: admin, principalType: "role", principalId: role.id, policyName: "ReadOnlyAccess" });
    const sid = await createConsoleSession(db().db, { accountId: alice.accountId, userId: alice.userId });
    await switchRole({ actor: { ...alice, sessionId: sid }, roleId: role.id });
    expect(await loadSessionPrincipal(db().db, sid)).toMatchObject({ kind: "role", roleName: "on-call" });
    const roleGrant = await insertGrant(alice.accountId, alice.userId!, role.id);
    const ownGrant = await insertGrant(alice.accountId, alice.userId!, null);
    await deleteRole({ actor: admin, roleId: role.id });
    expect(await loadSessionPrincipal(db().db, sid)).toMatchObject({
      kind: "user",
      roleId: null,
      logonName: "alice@acme.onaliyun.com",
    });
    expect(await grantRevoked(roleGrant)).toBe(true);
    expect(await grantRevoked(ownGrant)).toBe(false);
    expect(
      await db().db.select().from(s.policyAttachments).where(eq(s.policyAttachments.principalId, role.id)),
    ).toEqual([]);
    expect(await db().db.select().from(s.roleTrustees).where(eq(s.roleTrustees.roleId, role.id))).toEqual([]);
    const [event] = await db()
      .db.select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.targetId, role.id), eq(s.auditEvents.action, "DeleteRole")));
    expect(event).toMatchObject({ actor: "admin@acme.onaliyun.com", detail: { name: "on-call", revokedGrants: 1 } });
    await expect(deleteRole({ actor: admin, roleId: role.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("removing a trusted user ends that user's sessions in the role", async () => {
    const admin = await who("admin@acme");
    const alice = await who("alice@acme");
    const auditorId = await idOf(s.ramRoles, "auditor");
    const role = await createRole({ actor: admin, input: { name: "release" } });
    await addRoleTrustee({ actor: admin, roleId: role.id, userId: alice.userId! });
    const sid = await createConsoleSession(db().db, { accountId: alice.accountId, userId: alice.userId });
    await switchRole({ actor: { ...alice, sessionId: sid }, roleId: role.id });
    const grant = await insertGrant(alice.accountId, alice.userId!, role.id);
    const auditorGrant = await insertGrant(alice.accountId, alice.userId!, auditorId);
    await removeRoleTrustee({ actor: admin, roleId: role.id, userId: alice.userId! });
    expect(await loadSessionPrincipal(db().db, sid)).toMatchObject({ kind: "user" });
    expect([await grantRevoked(grant), await grantRevoked(auditorGrant)]).toEqual([true, false]);
    await expect(switchRole({ actor: { ...alice, sessionId: sid }, roleId: role.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("every RAM read checks read permission itself: alice (no read policy) is refused, bob (read-only) reads", async () => {
    const alice = await who("alice@acme");
    const bob = await who("bob@acme");
    const groupId = await idOf(s.ramGroups, "developers");
    const roleId = await idOf(s.ramRoles, "auditor");
    const reads = (actor: typeof alice) => [
      () => listUsers({ actor }),
      () => getUser({ actor, userId: alice.userId! }),
      () => listGroups({ actor }),
      () => listRoles({ actor }),
      () => getGroup({ actor, groupId }),
      () => getRole({ actor, roleId }),
      () => listUserChoices({ actor }),
      () => listPolicyUsage({ actor }),
    ];
    for (const read of reads(alice)) await expect(read()).rejects.toMatchObject({ code: "forbidden" });
    for (const read of reads(bob)) await expect(read()).resolves.toBeTruthy();
  });

  it("only administrators change groups and roles; bob (read-only) and alice's auditor session read but do not write", async () => {
    const groupId = await idOf(s.ramGroups, "developers");
    const roleId = await idOf(s.ramRoles, "auditor");
    const alice = await who("alice@acme");
    await expect(requireReader(db().db, alice)).rejects.toMatchObject({ code: "forbidden" });
    for (const name of ["alice@acme", "bob@acme", "alice@acme as auditor"]) {
      const actor = await who(name);
      if (name !== "alice@acme") await expect(requireReader(db().db, actor)).resolves.toBeUndefined();
      const userId = alice.userId!;
      const attempts = [
        () => createGroup({ actor, input: { name: "nope" } }),
        () => deleteGroup({ actor, groupId }),
        () => addGroupMember({ actor, groupId, userId }),
        () => removeGroupMember({ actor, groupId, userId }),
        () => createRole({ actor, input: { name: "nope" } }),
        () => deleteRole({ actor, roleId }),
        () => addRoleTrustee({ actor, roleId, userId }),
        () => removeRoleTrustee({ actor, roleId, userId }),
      ];
      for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "forbidden" });
    }
    expect((await getGroup({ actor: await who("owner@acme"), groupId: groupId }))!.members.map((m) => m.name)).toEqual([
      "alice",
    ]);
    expect((await getRole({ actor: await who("owner@acme"), roleId: roleId }))!.trustees.map((m) => m.name)).toEqual([
      "alice",
    ]);
  });

  it("keeps accounts apart: another account's ids are not found", async () => {
    const globexAdmin = await who("admin@globex");
    const alice = await who("alice@acme");
    const carol = await who("carol@globex");
    const groupId = await idOf(s.ramGroups, "developers");
    const roleId = await idOf(s.ramRoles, "auditor");
    const own = await createGroup({ actor: globexAdmin, input: { name: "developers" } });
    const ownRole = await createRole({ actor: globexAdmin, input: { name: "auditor" } });
    const attempts = [
      () => deleteGroup({ actor: globexAdmin, groupId }),
      () => addGroupMember({ actor: globexAdmin, groupId, userId: carol.userId! }),
      () => addGroupMember({ actor: globexAdmin, groupId: own.id, userId: alice.userId! }),
      () => removeGroupMember({ actor: globexAdmin, groupId, userId: alice.userId! }),
      () => deleteRole({ actor: globexAdmin, roleId }),
      () => addRoleTrustee({ actor: globexAdmin, roleId, userId: carol.userId! }),
      () => addRoleTrustee({ actor: globexAdmin, roleId: ownRole.id, userId: alice.userId! }),
      () => removeRoleTrustee({ actor: globexAdmin, roleId, userId: alice.userId! }),
      () =>
        attachPolicy({
          actor: globexAdmin,
          principalType: "group",
          principalId: groupId,
          policyName: "AdministratorAccess",
        }),
      () =>
        attachPolicy({
          actor: globexAdmin,
          principalType: "role",
          principalId: roleId,
          policyName: "AdministratorAccess",
        }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    expect(await getGroup({ actor: globexAdmin, groupId: groupId })).toBeNull();
    expect(await getRole({ actor: globexAdmin, roleId: roleId })).toBeNull();
    expect((await getGroup({ actor: await who("owner@acme"), groupId: groupId }))!.members.map((m) => m.name)).toEqual([
      "alice",
    ]);
    expect(await db().db.select().from(s.groupMembers).where(eq(s.groupMembers.groupId, own.id))).toEqual([]);
  });
});
