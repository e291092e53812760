import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { createAssignments } from "@/lib/apps/create-assignments";
import { deleteAssignment } from "@/lib/apps/delete-assignment";
import { listOfficialCatalog } from "@/lib/apps/official-queries";
import { provisionOfficialApp } from "@/lib/apps/provision-official-app";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { consentDecisionEndpoint } from "@/lib/oauth/consent-decision";
import { consentCsrfToken } from "@/lib/oauth/consent-requests";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";

const db = setupSeededDatabase();
const ISSUER = "http://localhost:3000";
const MCP = { clientId: "4000000000000000001", redirectUri: "http://127.0.0.1:8766/callback" };

async function access(who: string, extra: Record<string, string> = {}) {
  const p = await principalOf(db().db, who);
  const { cookie, sid } = await sessionCookieFor(db().db, p);
  const q = new URLSearchParams({
    response_type: "code",
    client_id: MCP.clientId,
    redirect_uri: MCP.redirectUri,
    scope: "openid /acs/mcp-server profile",
    state: "s1",
    code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    code_challenge_method: "S256",
    ...extra,
  });
  const res = await authorizeEndpoint(new Request(`${ISSUER}/oauth2/authorize?${q}`, { headers: { cookie } }));
  const location = res.headers.get("location") ?? "";
  const grant = async () => {
    const id = location.split("/").pop()!;
    const body = new URLSearchParams({ request_id: id, csrf_token: consentCsrfToken(sid, id), decision: "grant" });
    // The personal consent's required scope, as its locked items post it.
    for (const scope of ["openid", "/acs/mcp-server"]) body.append("scope", scope);
    return consentDecisionEndpoint(
      new Request(`${ISSUER}/oauth2/decision`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body,
      }),
    );
  };
  return { location, grant, principal: p };
}

const isCode = (location: string) => location.startsWith(MCP.redirectUri) && new URL(location).searchParams.has("code");

describe(`official applications on ${process.env.TEST_DB}`, () => {
  it("lists the official catalog, none installed", async () => {
    const admin = await principalOf(db().db, "admin@acme");
    const items = await listOfficialCatalog(db().db, admin.accountId);
    expect(items.map((i) => [i.name, i.installed])).toEqual([
      ["Cloud Shell", false],
      ["Official CLI", false],
      ["OpenAPI MCP Server", false],
    ]);
  });

  it("only administrators provision; a second provisioning is a conflict", async () => {
    const alice = await principalOf(db().db, "alice@acme");
    await expect(
      provisionOfficialApp({ actor: alice, clientId: MCP.clientId, optionalScopes: [] }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const admin = await principalOf(db().db, "admin@acme");
    await expect(
      provisionOfficialApp({ actor: admin, clientId: MCP.clientId, optionalScopes: ["/acs/ram"] }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    const done = await provisionOfficialApp({ actor: admin, clientId: MCP.clientId, optionalScopes: ["profile"] });
    expect(done.source).toBe("provisioned");
    expect([...done.scopes].sort()).toEqual(["/acs/mcp-server", "openid", "profile"]);
    await expect(
      provisionOfficialApp({ actor: admin, clientId: MCP.clientId, optionalScopes: [] }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses an unassigned person: a page, access_denied with prompt=none, and a refused grant", async () => {
    const bob = await access("bob@acme");
    expect(bob.location).toMatch(/^\/oauth2\/consent\//);
    expect((await bob.grant()).status).toBe(403);
    const none = await access("bob@acme", { prompt: "none" });
    expect(new URL(none.location).searchParams.get("error")).toBe("access_denied");
    // The administrator who provisioned it is no exception.
    expect((await (await access("admin@acme")).grant()).status).toBe(403);
  });

  it("an assigned person consents once, then goes straight through; a group assignment works too", async () => {
    const admin = await principalOf(db().db, "admin@acme");
    const bob = await principalOf(db().db, "bob@acme");
    const [developers] = await db().db.select().from(s.ramGroups).where(eq(s.ramGroups.name, "developers"));
    await createAssignments({
      actor: admin,
      clientId: MCP.clientId,
      assignees: [
        { principalType: "user", principalId: bob.userId! },
        { principalType: "group", principalId: developers!.id },
      ],
    });

    const first = await access("bob@acme");
    expect(first.location).toMatch(/^\/oauth2\/consent\//);
    const granted = await first.grant();
    expect(granted.status).toBe(303);
    expect(isCode(granted.headers.get("location")!)).toBe(true);
    expect(isCode((await access("bob@acme")).location)).toBe(true);

    const alice = await access("alice@acme");
    expect(alice.location).toMatch(/^\/oauth2\/consent\//);
    expect((await alice.grant()).status).toBe(303);
    expect(isCode((await access("alice@acme")).location)).toBe(true);
  });

  it("a plain user can not assign; unassigning revokes the person's tokens at once", async () => {
    const alice = await principalOf(db().db, "alice@acme");
    const bob = await principalOf(db().db, "bob@acme");
    await expect(
      createAssignments({
        actor: alice,
        clientId: MCP.clientId,
        assignees: [{ principalType: "user", principalId: alice.userId! }],
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    // Give bob a token family, as a code exchange would.
    const [inst] = await db()
      .db.select()
      .from(s.installations)
      .innerJoin(s.applications, eq(s.applications.id, s.installations.applicationId))
      .where(and(eq(s.applications.clientId, MCP.clientId), eq(s.installations.accountId, bob.accountId)));
    await db().db.insert(s.grants).values({
      accountId: bob.accountId,
      applicationId: inst!.applications.id,
      installationId: inst!.installations.id,
      userId: bob.userId,
      subject: bob.subject,
      scope: "openid",
      authTime: new Date(),
    });
    const admin = await principalOf(db().db, "admin@acme");
    await deleteAssignment({
      actor: admin,
      clientId: MCP.clientId,
      assignee: { principalType: "user", principalId: bob.userId! },
    });
    const live = await db()
      .db.select()
      .from(s.grants)
      .where(and(eq(s.grants.userId, bob.userId!), isNull(s.grants.revokedAt)));
    expect(live).toHaveLength(0);
    const again = await access("bob@acme");
    expect(again.location).toMatch(/^\/oauth2\/consent\//);
    expect((await again.grant()).status).toBe(403);
  });
});
