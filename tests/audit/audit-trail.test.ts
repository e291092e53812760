import { beforeAll, describe, expect, it } from "vitest";
import { POST as createGroupRoute } from "@/app/api/v1/groups/route";
import { DEMO_PASSWORD } from "@/db/seed";
import * as s from "@/db/schema";
import { createAssignments } from "@/lib/apps/create-assignments";
import { deleteAssignment } from "@/lib/apps/delete-assignment";
import { deleteInstallation } from "@/lib/apps/delete-installation";
import { provisionOfficialApp } from "@/lib/apps/provision-official-app";
import { attachPolicy } from "@/lib/ram/attachments/attach-policy";
import { addGroupMember } from "@/lib/ram/groups/add-group-member";
import { createGroup } from "@/lib/ram/groups/create-group";
import { createRole } from "@/lib/ram/roles/create-role";
import { addRoleTrustee } from "@/lib/ram/roles/add-role-trustee";
import { createUser } from "@/lib/ram/users/create-user";
import { deleteUser } from "@/lib/ram/users/delete-user";
import { LIMITS } from "@/lib/auth/sign-in-throttle";
import { getEvents, ISSUER } from "../fixtures/audit-fixtures";
import { setupSeededDatabase } from "../fixtures/db";
import { demoClient, installApp } from "../fixtures/oauth-fixtures";
import { principalOf } from "../fixtures/principals";
import { ALICE, signIn } from "../fixtures/sign-in-requests";
import { obtainTokens } from "../fixtures/token-requests";

/** Every change lands in the operation logs with who did it: a RAM user, a role session, via an application, or a sign-in attempt. */
const db = setupSeededDatabase();
const who = (name: string) => principalOf(db().db, name);
const newest = async (query: Record<string, string>) => (await getEvents(db().db, "admin@acme", query)).body.items;

describe(`the audit trail on ${process.env.TEST_DB}`, () => {
  let admin: Awaited<ReturnType<typeof who>>;
  beforeAll(async () => {
    admin = await who("admin@acme");
  });

  it("records a RAM user's changes with their person, target and a link to a target that still exists", async () => {
    const user = await createUser({
      actor: admin,
      input: { name: "trail-u", displayName: "T", password: "Str0ng-pass" },
    });
    const group = await createGroup({ actor: admin, input: { name: "trail-g" } });
    await addGroupMember({ actor: admin, groupId: group.id, userId: user.id });
    await attachPolicy({ actor: admin, principalType: "group", principalId: group.id, policyName: "ReadOnlyAccess" });
    const gone = await createUser({
      actor: admin,
      input: { name: "trail-x", displayName: "X", password: "Str0ng-pass" },
    });
    await deleteUser({ actor: admin, userId: gone.id });

    const items = await newest({ actor: "admin@acme.onaliyun.com", limit: "6" });
    expect(items.map((e) => [e.action, e.targetType, e.result])).toEqual([
      ["DeleteUser", "user", "success"],
      ["CreateUser", "user", "success"],
      ["AttachPolicy", "group", "success"],
      ["AddUserToGroup", "group", "success"],
      ["CreateGroup", "group", "success"],
      ["CreateUser", "user", "success"],
    ]);
    expect(new Set(items.map((e) => `${e.actor} ${e.actorType} ${e.actorLogin}`))).toEqual(
      new Set(["admin@acme.onaliyun.com user admin@acme.onaliyun.com"]),
    );
    expect(items.map((e) => e.targetPath)).toEqual([
      null,
      null,
      `/identities/groups/${group.id}`,
      `/identities/groups/${group.id}`,
      `/identities/groups/${group.id}`,
      `/identities/users/${user.id}`,
    ]);
  });

  it("records a role session as the role and the person; the actor filter finds the person in both", async () => {
    const role = await createRole({ actor: admin, input: { name: "trail-admins" } });
    await attachPolicy({
      actor: admin,
      principalType: "role",
      principalId: role.id,
      policyName: "AliyunRAMFullAccess",
    });
    await addRoleTrustee({ actor: admin, roleId: role.id, userId: (await who("alice@acme")).userId! });
    await createGroup({ actor: await who("alice@acme as trail-admins"), input: { name: "trail-role-g" } });

    const [event] = await newest({ actor: ALICE });
    expect(event).toMatchObject({ action: "CreateGroup", actor: `trail-admins/${ALICE}`, actorType: "role" });
    expect(event!.actorLogin).toBe(ALICE);
  });

  it("records a call with an access token as the person via the token's application", async () => {
    const app = await demoClient(db().db);
    const { access_token } = await obtainTokens(db().db, app, "admin@acme", { scope: "openid /acs/ram" });
    const request = new Request(`${ISSUER}/api/v1/groups`, {
      method: "POST",
      headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "trail-token-g" }),
    });
    expect((await createGroupRoute(request, { params: Promise.resolve({}) })).status).toBe(201);

    const [event] = await newest({ clientId: app.clientId, limit: "1" });
    expect(event).toMatchObject({ action: "CreateGroup", actorType: "user", actor: "admin@acme.onaliyun.com" });
    expect(event!.viaApp).toEqual({ clientId: app.clientId, name: "Insight Dashboard" });
    const console = (await newest({ action: "CreateGroup", limit: "10" })).filter((e) => e.viaApp === null);
    expect(console.length).toBeGreaterThan(0);
  });

  it("records an official application's provisioning, assignments and deletion under the application", async () => {
    const shell = "4000000000000000003";
    const user = { principalType: "user" as const, principalId: (await who("bob@acme")).userId! };
    await provisionOfficialApp({ actor: admin, clientId: shell, optionalScopes: [] });
    await createAssignments({ actor: admin, clientId: shell, assignees: [user] });
    await deleteAssignment({ actor: admin, clientId: shell, assignee: user });
    await deleteInstallation({ actor: admin, clientId: shell });
    const items = await newest({ clientId: shell });
    expect(items.map((e) => [e.action, e.app?.name, e.result])).toEqual([
      ["DeleteApplication", "Cloud Shell", "success"],
      ["DeleteAssignment", "Cloud Shell", "success"],
      ["CreateAssignment", "Cloud Shell", "success"],
      ["ProvisionApplication", "Cloud Shell", "success"],
    ]);
  });

  it("records Delete Application under the application, so the application filter finds it", async () => {
    const app = await demoClient(db().db);
    const installationId = await installApp(db().db, "acme", app.id, ["openid"]);
    await deleteInstallation({ actor: admin, clientId: app.clientId });
    const [event] = await newest({ clientId: app.clientId, action: "DeleteApplication" });
    expect(event).toMatchObject({ targetType: "installation", targetId: installationId, targetPath: null });
    expect(event!.app).toEqual({ clientId: app.clientId, name: "Insight Dashboard" });
  });
});

describe(`sign-in attempts in the operation logs on ${process.env.TEST_DB}`, () => {
  it("records success, failure and throttling in the account named, never a password, nothing for an unknown account", async () => {
    const carol = await principalOf(db().db, "carol@globex");
    expect((await signIn(ALICE, DEMO_PASSWORD)).status).toBe(303);
    expect((await signIn(ALICE, "Wrong-passw0rd-1")).status).toBe(401);
    expect((await signIn("nobody@acme.onaliyun.com", "Wrong-passw0rd-2")).status).toBe(401);
    expect((await signIn("owner@acme.example", "Wrong-passw0rd-3")).status).toBe(401);
    expect((await signIn("someone@nowhere.onaliyun.com", "Wrong-passw0rd-4")).status).toBe(401);
    expect((await signIn("Demo-Passw0rd", "x")).status).toBe(401);
    for (let i = 0; i < LIMITS.login; i++) await signIn("carol@globex.onaliyun.com", `Wrong-${i}`);
    expect((await signIn("carol@globex.onaliyun.com", "Wrong-last")).status).toBe(429);

    const acme = (await newest({ action: "SignIn", limit: "4" })).map((e) => [
      e.actor,
      e.actorType,
      e.result,
      e.targetType,
      e.targetPath,
    ]);
    expect(acme).toEqual([
      ["owner@acme.example", "anonymous", "failure", "account", null],
      ["nobody@acme.onaliyun.com", "anonymous", "failure", "login", null],
      [ALICE, "anonymous", "failure", "user", `/identities/users/${(await principalOf(db().db, "alice@acme")).userId}`],
      [ALICE, "user", "success", "user", `/identities/users/${(await principalOf(db().db, "alice@acme")).userId}`],
    ]);
    const globex = (await getEvents(db().db, "admin@globex", { action: "SignIn", limit: "2" })).body.items;
    expect(globex.map((e) => [e.actor, e.result, e.targetId])).toEqual([
      ["carol@globex.onaliyun.com", "throttled", carol.userId],
      ["carol@globex.onaliyun.com", "failure", carol.userId],
    ]);
    const all = JSON.stringify(await db().db.select().from(s.auditEvents));
    expect(all).not.toMatch(/wrong-|demo-passw0rd|nowhere/i);
  });
});
