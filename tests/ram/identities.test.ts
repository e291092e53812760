import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
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
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { idOf } from "../fixtures/ram-rows";

/** Every RAM read and write checks the caller: read permission, administrators only, one account only. */
const db = setupSeededDatabase();
const who = (name: string) => principalOf(db().db, name);

describe(`identities on ${process.env.TEST_DB}`, () => {
  it("every RAM read checks read permission itself: alice (no read policy) is refused, bob (read-only) reads", async () => {
    const groupId = await idOf(db().db, s.ramGroups, "developers");
    const alice = await who("alice@acme");
    const bob = await who("bob@acme");
    const roleId = await idOf(db().db, s.ramRoles, "auditor");
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
    const groupId = await idOf(db().db, s.ramGroups, "developers");
    const roleId = await idOf(db().db, s.ramRoles, "auditor");
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
    const groupId = await idOf(db().db, s.ramGroups, "developers");
    const roleId = await idOf(db().db, s.ramRoles, "auditor");
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
