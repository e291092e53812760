import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { createAssignments } from "@/lib/apps/create-assignments";
import { deleteAssignment } from "@/lib/apps/delete-assignment";
import { provisionOfficialApp } from "@/lib/apps/provision-official-app";
import { sha256 } from "@/lib/crypto/tokens";
import { introspectionEndpoint } from "@/lib/oauth/introspection-endpoint";
import { addGroupMember } from "@/lib/ram/groups/add-group-member";
import { createGroup } from "@/lib/ram/groups/create-group";
import { deleteGroup } from "@/lib/ram/groups/delete-group";
import { removeGroupMember } from "@/lib/ram/groups/remove-group-member";
import type { Principal } from "@/lib/ram/principal";
import { setupSeededDatabase } from "../fixtures/db";
import { exchangeCode, obtainTokens } from "../fixtures/token-requests";
import { principalOf } from "../fixtures/principals";
import { answer, codeFor, formRequest, postToken, userinfoStatus, type TestClient } from "../fixtures/oauth-fixtures";

/**
 * Issue item 5: losing an official application through a group (removed from the group, the group
 * deleted, the group's assignment deleted) ends the person's tokens at once, unless they are still
 * assigned another way. Every check goes through the real endpoints (userinfo, introspection, token).
 */
const db = setupSeededDatabase();
/** Cloud Shell: an official WebApp, so it can authenticate to the introspection endpoint. */
const SHELL = { clientId: "4000000000000000003", redirectUri: "https://shell.example.com/callback" };
let shell: TestClient;
let admin: Principal;
let alice: Principal;
let bob: Principal;

type Tokens = { access: string; refresh: string };

async function tokensFor(who: string): Promise<Tokens> {
  const t = await obtainTokens(db().db, shell, who, { scope: "openid profile" });
  return { access: t.access_token, refresh: t.refresh_token };
}

async function introspectActive(token: string): Promise<boolean> {
  const res = await answer(await introspectionEndpoint(formRequest("/oauth2/introspect", shell, { token })));
  expect(res.status).toBe(200);
  return res.body.active as boolean;
}

async function refreshAnswer(t: Tokens) {
  return postToken(shell, { grant_type: "refresh_token", refresh_token: t.refresh });
}

/** Alive: userinfo 200, introspection active for both tokens, refresh issues a new pair (kept in `t`). */
async function expectAlive(t: Tokens) {
  expect(await userinfoStatus(t.access)).toBe(200);
  expect(await introspectActive(t.access)).toBe(true);
  expect(await introspectActive(t.refresh)).toBe(true);
  const res = await refreshAnswer(t);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  t.access = res.body.access_token as string;
  t.refresh = res.body.refresh_token as string;
}

/** Dead: userinfo 401, introspection inactive, refresh invalid_grant. */
async function expectDead(t: Tokens) {
  expect(await userinfoStatus(t.access)).toBe(401);
  expect(await introspectActive(t.access)).toBe(false);
  expect(await introspectActive(t.refresh)).toBe(false);
  const res = await refreshAnswer(t);
  expect(res.status).toBe(400);
  expect(res.body.error).toBe("invalid_grant");
}

let groups = 0;
/** A fresh group with alice (assigned only through it) and bob (also assigned directly), assigned to Cloud Shell. */
async function assignedGroup(): Promise<string> {
  groups += 1;
  const group = await createGroup({ actor: admin, input: { name: `shell-users-${groups}` } });
  await addGroupMember({ actor: admin, groupId: group.id, userId: alice.userId! });
  await addGroupMember({ actor: admin, groupId: group.id, userId: bob.userId! });
  await createAssignments({
    actor: admin,
    clientId: SHELL.clientId,
    assignees: [{ principalType: "group", principalId: group.id }],
  });
  return group.id;
}

beforeAll(async () => {
  admin = await principalOf(db().db, "admin@acme");
  alice = await principalOf(db().db, "alice@acme");
  bob = await principalOf(db().db, "bob@acme");
  await provisionOfficialApp({ actor: admin, clientId: SHELL.clientId, optionalScopes: [] });
  await createAssignments({
    actor: admin,
    clientId: SHELL.clientId,
    assignees: [{ principalType: "user", principalId: bob.userId! }],
  });
  const [app] = await db()
    .db.select({ id: s.applications.id })
    .from(s.applications)
    .where(eq(s.applications.clientId, SHELL.clientId));
  const secret = "cloud-shell-test-secret";
  await db()
    .db.insert(s.appSecrets)
    .values({ applicationId: app!.id, secretHash: sha256(secret), prefix: secret.slice(0, 6) });
  shell = { id: app!.id, clientId: SHELL.clientId, secret, redirectUri: SHELL.redirectUri };
});

describe(`losing an official application through a group on ${process.env.TEST_DB}`, () => {
  it("removing a person from the assigned group ends their tokens; a person still directly assigned keeps working", async () => {
    const groupId = await assignedGroup();
    const a = await tokensFor("alice@acme");
    const b = await tokensFor("bob@acme");
    await expectAlive(a);
    await expectAlive(b);
    await removeGroupMember({ actor: admin, groupId, userId: alice.userId! });
    // Revoked at the write, in the same transaction as the membership change…
    expect(await liveFamilies(alice)).toBe(0);
    // …and refused at use.
    await expectDead(a);
    await expectAlive(b);
    // bob is also directly assigned: leaving the group takes nothing from him.
    await removeGroupMember({ actor: admin, groupId, userId: bob.userId! });
    await expectAlive(b);
  });

  it("deleting the group's assignment ends the tokens of the people assigned only through it", async () => {
    const groupId = await assignedGroup();
    const a = await tokensFor("alice@acme");
    const b = await tokensFor("bob@acme");
    await deleteAssignment({
      actor: admin,
      clientId: SHELL.clientId,
      assignee: { principalType: "group", principalId: groupId },
    });
    await expectDead(a);
    await expectAlive(b);
  });

  it("deleting the group ends the tokens of the people assigned only through it; one assigned directly as well keeps access", async () => {
    const groupId = await assignedGroup();
    const a = await tokensFor("alice@acme");
    const b = await tokensFor("bob@acme");
    await deleteGroup({ actor: admin, groupId });
    await expectDead(a);
    await expectAlive(b);
    const [audit] = await db()
      .db.select({ detail: s.auditEvents.detail })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, "DeleteGroup"), eq(s.auditEvents.targetId, groupId)));
    expect(audit?.detail).toMatchObject({ revokedUsers: 1 });
  });

  it("the token check itself requires the assignment: a membership gone by any path ends the tokens, and a code issued before can not be exchanged", async () => {
    const groupId = await assignedGroup();
    const a = await tokensFor("alice@acme");
    const code = await codeFor(db().db, shell, "alice@acme", { scope: "openid profile" });
    // Bypass the services (no write-time revocation): only the rule checked at use stands.
    await db()
      .db.delete(s.groupMembers)
      .where(and(eq(s.groupMembers.groupId, groupId), eq(s.groupMembers.userId, alice.userId!)));
    expect(await liveFamilies(alice)).toBeGreaterThan(0);
    await expectDead(a);
    const res = await exchangeCode(shell, code);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_grant");
  });

  it("the account owner needs no assignment", async () => {
    await expectAlive(await tokensFor("owner@acme"));
  });
});

/** How many of the person's Cloud Shell token families are not revoked. */
async function liveFamilies(p: Principal): Promise<number> {
  const rows = await db()
    .db.select({ revokedAt: s.grants.revokedAt })
    .from(s.grants)
    .where(and(eq(s.grants.userId, p.userId!), eq(s.grants.applicationId, shell.id)));
  return rows.filter((r) => r.revokedAt === null).length;
}
