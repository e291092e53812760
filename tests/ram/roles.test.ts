import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { createConsoleSession, loadSessionPrincipal } from "@/lib/auth/console-session";
import { attachPolicy } from "@/lib/ram/attachments/attach-policy";
import { getRole } from "@/lib/ram/queries";
import { addRoleTrustee } from "@/lib/ram/roles/add-role-trustee";
import { createRole } from "@/lib/ram/roles/create-role";
import { deleteRole } from "@/lib/ram/roles/delete-role";
import { removeRoleTrustee } from "@/lib/ram/roles/remove-role-trustee";
import { switchRole } from "@/lib/ram/switch-role";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { auditOf, grantRevoked, idOf, insertGrant } from "../fixtures/ram-rows";

/** RAM roles: trusting users to switch to them, and what deleting a role or a trust ends. */
const db = setupSeededDatabase();
const who = (name: string) => principalOf(db().db, name);

describe(`identities on ${process.env.TEST_DB}`, () => {
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
    expect((await auditOf(db().db, role.id)).map(([action]) => action)).toEqual([
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
    const roleGrant = await insertGrant(db().db, alice.accountId, alice.userId!, role.id);
    const ownGrant = await insertGrant(db().db, alice.accountId, alice.userId!, null);
    await deleteRole({ actor: admin, roleId: role.id });
    expect(await loadSessionPrincipal(db().db, sid)).toMatchObject({
      kind: "user",
      roleId: null,
      logonName: "alice@acme.onaliyun.com",
    });
    expect(await grantRevoked(db().db, roleGrant)).toBe(true);
    expect(await grantRevoked(db().db, ownGrant)).toBe(false);
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
    const auditorId = await idOf(db().db, s.ramRoles, "auditor");
    const role = await createRole({ actor: admin, input: { name: "release" } });
    await addRoleTrustee({ actor: admin, roleId: role.id, userId: alice.userId! });
    const sid = await createConsoleSession(db().db, { accountId: alice.accountId, userId: alice.userId });
    await switchRole({ actor: { ...alice, sessionId: sid }, roleId: role.id });
    const grant = await insertGrant(db().db, alice.accountId, alice.userId!, role.id);
    const auditorGrant = await insertGrant(db().db, alice.accountId, alice.userId!, auditorId);
    await removeRoleTrustee({ actor: admin, roleId: role.id, userId: alice.userId! });
    expect(await loadSessionPrincipal(db().db, sid)).toMatchObject({ kind: "user" });
    expect([await grantRevoked(db().db, grant), await grantRevoked(db().db, auditorGrant)]).toEqual([true, false]);
    await expect(switchRole({ actor: { ...alice, sessionId: sid }, roleId: role.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
