import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { createAssignments } from "@/lib/apps/create-assignments";
import { deleteAssignment } from "@/lib/apps/delete-assignment";
import { deleteInstallation } from "@/lib/apps/delete-installation";
import { provisionOfficialApp } from "@/lib/apps/provision-official-app";
import { authenticate } from "@/lib/api/handler";
import { addGroupMember } from "@/lib/ram/groups/add-group-member";
import { createGroup } from "@/lib/ram/groups/create-group";
import { removeGroupMember } from "@/lib/ram/groups/remove-group-member";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import {
  consentInBrowser,
  consoleFetch,
  finishConnect,
  hostMetadata,
  ISSUER,
  startConnect,
  TestProvider,
} from "../fixtures/mcp-fixtures";
import { connectAs as connectWith, MCP, mcpStatus, REDIRECT, signedIn as signInWith } from "../fixtures/mcp-sessions";

const db = setupSeededDatabase();
const signedIn = (who: string) => signInWith(db().db, who);
const connectAs = (who: string, name?: string) => connectWith(db().db, who, name);

const textOf = (r: Record<string, unknown>) => (r.content as { text: string }[])[0]!.text;

beforeAll(async () => {
  const admin = await principalOf(db().db, "admin@acme");
  const bob = await principalOf(db().db, "bob@acme");
  await provisionOfficialApp({ actor: admin, clientId: MCP, optionalScopes: ["profile"] });
  const assignees = [admin, bob].map((p) => ({ principalType: "user" as const, principalId: p.userId! }));
  await createAssignments({ actor: admin, clientId: MCP, assignees });
});

describe(`the MCP server with the SDK client on ${process.env.TEST_DB}`, () => {
  it("discovers, registers dynamically, uses PKCE and the resource, and lists and calls tools as the person", async () => {
    const { provider, url, consent, client } = await connectAs("bob@acme", "Cherry Test Host");
    // The authorization request: PKCE S256, the resource of /mcp, the scopes of its metadata.
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("resource")).toBe(`${ISSUER}/mcp`);
    expect(url.searchParams.get("scope")).toBe("openid /acs/mcp-server");
    expect(url.searchParams.get("client_id")).toMatch(/^mcp-/);
    // The consent screen names the host, unverified, its redirect host and the loopback warning.
    expect(consent.page).toContain("Cherry Test Host");
    expect(consent.page).toContain("unverified");
    expect(consent.page).toContain("The answer goes to 127.0.0.1:33418");
    expect(consent.page).toContain("only redirects to this computer");

    const tools = (await client.listTools()).tools.map((t) => t.name);
    expect(tools).toEqual(expect.arrayContaining(["list_users", "get_user", "list_third_party_apps", "create_user"]));
    const users = await client.callTool({ name: "list_users", arguments: { search: "alice" } });
    expect(users.isError).toBeFalsy();
    const [alice] = JSON.parse(textOf(users)).items as { id: string; name: string }[];
    expect(alice?.name).toBe("alice");
    const one = await client.callTool({ name: "get_user", arguments: { userId: alice!.id } });
    expect(JSON.parse(textOf(one))).toMatchObject({ id: alice!.id, name: "alice" });
    // bob only reads: the write is refused by his own policies, as a tool error.
    const create = await client.callTool({
      name: "create_user",
      arguments: { name: "mallory", displayName: "Mallory", password: "Passw0rd-123" },
    });
    expect(create.isError).toBe(true);
    expect(textOf(create)).toMatch(/^forbidden: /);

    const audit = await db()
      .db.select({ actor: s.auditEvents.actor, targetId: s.auditEvents.targetId, detail: s.auditEvents.detail })
      .from(s.auditEvents)
      .where(eq(s.auditEvents.action, "CallMcpTool"));
    expect(audit).toContainEqual(
      expect.objectContaining({
        actor: "bob@acme.onaliyun.com",
        targetId: "create_user",
        detail: expect.objectContaining({ mcpClient: "Cherry Test Host", outcome: "forbidden" }),
      }),
    );
    // The token is for /mcp only: the console API refuses it (RFC 8707 audience).
    const token = provider.tokens()!.access_token;
    await expect(
      authenticate(new Request(`${ISSUER}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } })),
    ).rejects.toMatchObject({ code: "invalid_token", status: 401 });
  });

  it("lets an administrator write through the pre-registered NativeApp of the official application", async () => {
    const redirect = "http://127.0.0.1:8766/callback";
    const provider = new TestProvider(redirect, hostMetadata(redirect), { clientInformation: { client_id: MCP } });
    const url = await startConnect(provider);
    const { cookie, sid } = await signedIn("admin@acme");
    const consent = await consentInBrowser(url, cookie, sid);
    expect(consent.page).not.toContain("MCP client");
    const client = await finishConnect(provider, consent.grant!.headers.get("location")!);
    const made = await client.callTool({
      name: "create_user",
      arguments: { name: "mcp-made", displayName: "Made by MCP", password: "Passw0rd-123" },
    });
    expect(made.isError).toBeFalsy();
    const [row] = await db().db.select().from(s.ramUsers).where(eq(s.ramUsers.name, "mcp-made"));
    expect(row?.displayName).toBe("Made by MCP");
  });

  it("refuses an unassigned person and another account's person", async () => {
    for (const who of ["alice@acme", "carol@globex"]) {
      const provider = new TestProvider(REDIRECT, hostMetadata(REDIRECT));
      const url = await startConnect(provider);
      const { cookie, sid } = await signedIn(who);
      const consent = await consentInBrowser(url, cookie, sid);
      if (consent.grant) expect(consent.grant.status).toBe(403);
      else expect(new URL(consent.location).searchParams.get("error")).toBe("access_denied");
      expect(provider.tokens()).toBeUndefined();
    }
  });

  it("answers 401 with resource_metadata, and describes /mcp in its protected resource metadata", async () => {
    const res = await consoleFetch(`${ISSUER}/mcp`, { method: "POST", body: "{}" });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain(
      `resource_metadata="${ISSUER}/.well-known/oauth-protected-resource/mcp"`,
    );
    for (const path of ["/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"]) {
      const prm = await (await consoleFetch(`${ISSUER}${path}`)).json();
      expect(prm).toMatchObject({
        resource: `${ISSUER}/mcp`,
        authorization_servers: [ISSUER],
        scopes_supported: ["openid", "/acs/mcp-server"],
      });
    }
    const bad = await consoleFetch(`${ISSUER}/mcp`, { method: "POST", headers: { authorization: "Bearer nope" } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
  });

  it("loses the session at the next request when the person leaves the group that is their only assignment", async () => {
    const admin = await principalOf(db().db, "admin@acme");
    const alice = await principalOf(db().db, "alice@acme");
    const group = await createGroup({ actor: admin, input: { name: "mcp-users" } });
    await addGroupMember({ actor: admin, groupId: group.id, userId: alice.userId! });
    const assignees = [{ principalType: "group" as const, principalId: group.id }];
    await createAssignments({ actor: admin, clientId: MCP, assignees });
    const { provider, client } = await connectAs("alice@acme");
    const tools = (await client.listTools()).tools.map((t) => t.name);
    expect(tools).toEqual(expect.arrayContaining(["list_users", "whoami"]));
    expect(await mcpStatus(provider)).toBe(200);
    await removeGroupMember({ actor: admin, groupId: group.id, userId: alice.userId! });
    expect(await mcpStatus(provider)).toBe(401);
    await expect(client.callTool({ name: "whoami" })).rejects.toThrow(/refresh token is invalid/);
  });

  it("loses the session at the next request: Delete Assignment, disabling, Delete Application", async () => {
    const admin = await principalOf(db().db, "admin@acme");
    const bob = await principalOf(db().db, "bob@acme");
    const assignee = { principalType: "user" as const, principalId: bob.userId! };
    const first = await connectAs("bob@acme");
    expect(await mcpStatus(first.provider)).toBe(200);
    await deleteAssignment({ actor: admin, clientId: MCP, assignee });
    expect(await mcpStatus(first.provider)).toBe(401);
    // The SDK tries its refresh token, which is refused as well.
    await expect(first.client.callTool({ name: "whoami" })).rejects.toThrow(/refresh token is invalid/);

    await createAssignments({ actor: admin, clientId: MCP, assignees: [assignee] });
    const second = await connectAs("bob@acme");
    expect(await mcpStatus(second.provider)).toBe(200);
    await db().db.update(s.ramUsers).set({ enabled: false }).where(eq(s.ramUsers.id, bob.userId!));
    expect(await mcpStatus(second.provider)).toBe(401);
    await db().db.update(s.ramUsers).set({ enabled: true }).where(eq(s.ramUsers.id, bob.userId!));

    const third = await connectAs("bob@acme");
    expect(await mcpStatus(third.provider)).toBe(200);
    await deleteInstallation({ actor: admin, clientId: MCP });
    expect(await mcpStatus(third.provider)).toBe(401);
    const left = await db()
      .db.select()
      .from(s.installations)
      .where(and(eq(s.installations.accountId, admin.accountId)));
    expect(left.some((i) => i.source === "provisioned")).toBe(false);
  });
});
