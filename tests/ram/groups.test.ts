import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { isAdministrator } from "@/lib/ram/admin";
import { attachPolicy } from "@/lib/ram/attachments/attach-policy";
import { addGroupMember } from "@/lib/ram/groups/add-group-member";
import { createGroup } from "@/lib/ram/groups/create-group";
import { deleteGroup } from "@/lib/ram/groups/delete-group";
import { removeGroupMember } from "@/lib/ram/groups/remove-group-member";
import { getGroup, listGroups, listPolicyUsage } from "@/lib/ram/queries";
import { createUser } from "@/lib/ram/users/create-user";
import type { Principal } from "@/lib/ram/principal";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { auditOf } from "../fixtures/ram-rows";

/** RAM groups: membership gives the group's policies; creating, deleting and listing them; audited. */
const db = setupSeededDatabase();
const who = (name: string) => principalOf(db().db, name);
const attachToGroup = (actor: Principal, groupId: string, policyName: string) =>
  attachPolicy({ actor, principalType: "group", principalId: groupId, policyName });

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
    await attachToGroup(admin, group.id, "AliyunRAMFullAccess");
    expect(await isAdministrator(db().db, ginaP)).toBe(true);
    await removeGroupMember({ actor: admin, groupId: group.id, userId: gina.id });
    expect(await isAdministrator(db().db, ginaP)).toBe(false);
    await expect(removeGroupMember({ actor: admin, groupId: group.id, userId: gina.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await auditOf(db().db, group.id)).toEqual([
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
    await attachToGroup(owner, group.id, "AdministratorAccess");
    expect(await isAdministrator(db().db, alice)).toBe(true);
    await deleteGroup({ actor: owner, groupId: group.id });
    expect(await isAdministrator(db().db, alice)).toBe(false);
    expect(await db().db.select().from(s.groupMembers).where(eq(s.groupMembers.groupId, group.id))).toEqual([]);
    expect(
      await db().db.select().from(s.policyAttachments).where(eq(s.policyAttachments.principalId, group.id)),
    ).toEqual([]);
    expect(await getGroup({ actor: owner, groupId: group.id })).toBeNull();
    expect((await auditOf(db().db, group.id)).at(-1)).toEqual(["DeleteGroup", "owner@acme.example"]);
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
});
