import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getApp, DELETE as deleteApp } from "@/app/api/v1/third-party-apps/[clientId]/route";
import { GET as listApps } from "@/app/api/v1/third-party-apps/route";
import * as s from "@/db/schema";
import { createConsoleSession } from "@/lib/auth/console-session";
import { getEnv } from "@/lib/env";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { createApp, demoApp, install, issueTokens, rawToken } from "../fixtures/third-party-apps-fixtures";

const db = setupSeededDatabase();
const BASE = "http://localhost:3000/api/v1/third-party-apps";

/** A console session cookie for a demo identity, as next-auth would set it. */
async function cookieOf(who: string): Promise<string> {
  const p = await principalOf(db().db, who);
  const sid = await createConsoleSession(db().db, { accountId: p.accountId, userId: p.userId });
  if (p.roleId) await db().db.update(s.consoleSessions).set({ roleId: p.roleId }).where(eq(s.consoleSessions.id, sid));
  return `next-auth.session-token=${await encode({ token: { sid }, secret: getEnv().authSecret })}`;
}

async function call(who: string | null, method: "GET" | "DELETE", clientId?: string, query = "") {
  const headers: Record<string, string> = { origin: "http://localhost:3000" };
  if (who) headers.cookie = await cookieOf(who);
  const request = new Request(`${BASE}${clientId ? `/${clientId}` : ""}${query}`, { method, headers });
  if (!clientId) return listApps(request, { params: Promise.resolve({}) });
  const ctx = { params: Promise.resolve({ clientId }) };
  return method === "GET" ? getApp(request, ctx) : deleteApp(request, ctx);
}

describe(`Third-party Applications API permissions on ${process.env.TEST_DB}`, () => {
  let clientId: string;
  beforeAll(async () => {
    const app = await demoApp(db().db);
    clientId = app.clientId;
    await install(db().db, { account: "acme", applicationId: app.id, scopes: ["openid", "profile", "aliuid"] });
  });

  it.each([
    ["owner@acme", 200],
    ["admin@acme", 200],
    ["bob@acme", 200],
    ["alice@acme as auditor", 200],
    ["alice@acme", 403],
  ])("GET list and details as %s → %i", async (who, status) => {
    const list = await call(who, "GET", undefined, "?search=insight&sort=updatedAt&order=asc");
    expect(list.status).toBe(status);
    const details = await call(who, "GET", clientId);
    expect(details.status).toBe(status);
    if (status === 403) {
      expect(await details.json()).toMatchObject({ error: "forbidden" });
      return;
    }
    expect(await list.json()).toEqual({
      items: [
        {
          clientId: clientId,
          name: "Insight Dashboard",
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          source: "consent",
          people: 0,
          lastUsedAt: null,
        },
      ],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    const body = await details.json();
    expect(body).toMatchObject({ clientId: clientId, provider: "isv", grantedScopes: ["openid", "profile", "aliuid"] });
    expect(body.scopes.filter((x: { granted: boolean }) => !x.granted).map((x: { scope: string }) => x.scope)).toEqual([
      "permissions",
      "/acs/ram",
    ]);
  });

  it("answers 401 without a session, 422 for a bad query, and 404 to another account's administrator", async () => {
    expect((await call(null, "GET")).status).toBe(401);
    const bad = await call("admin@acme", "GET", undefined, "?sort=name&pageSize=1000");
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: "invalid_input" });
    const globex = await call("admin@globex", "GET", clientId);
    expect(globex.status).toBe(404);
    expect(await globex.json()).toMatchObject({ error: "not_found" });
    expect(await (await call("admin@globex", "GET")).json()).toMatchObject({ items: [], total: 0 });
    expect((await call("admin@globex", "DELETE", clientId)).status).toBe(404);
  });

  it("refuses DELETE to readers and plain users with 403, and to cross-site requests", async () => {
    for (const who of ["bob@acme", "alice@acme", "alice@acme as auditor"]) {
      const res = await call(who, "DELETE", clientId);
      expect(res.status, who).toBe(403);
    }
    const crossSite = new Request(`${BASE}/${clientId}`, {
      method: "DELETE",
      headers: { cookie: await cookieOf("admin@acme"), origin: "https://evil.example" },
    });
    expect((await deleteApp(crossSite, { params: Promise.resolve({ clientId }) })).status).toBe(403);
    expect((await call("admin@acme", "GET", clientId)).status).toBe(200);
  });

  it("lets an administrator delete (204); then the application is gone (404) and a second delete is 404", async () => {
    const res = await call("admin@acme", "DELETE", clientId);
    expect(res.status).toBe(204);
    expect((await call("admin@acme", "GET", clientId)).status).toBe(404);
    expect(await (await call("bob@acme", "GET")).json()).toMatchObject({ items: [], total: 0 });
    expect((await call("owner@acme", "DELETE", clientId)).status).toBe(404);
  });

  it("works with a bearer token carrying /acs/ram, as the token's person; a token without it gets 403 insufficient_scope", async () => {
    const d = db().db;
    const app = await createApp(d, {
      owner: "isv",
      name: "Token Caller",
      scopes: [
        { scope: "openid", required: true },
        { scope: "/acs/ram", required: false },
      ],
    });
    const installationId = await install(d, { account: "acme", applicationId: app.id, scopes: ["openid", "/acs/ram"] });
    const tokenOf = async (who: string, scope: string) => {
      const p = await principalOf(d, who);
      const grantId = await issueTokens(d, {
        account: "acme",
        applicationId: app.id,
        installationId,
        tokens: 1,
        userId: p.userId,
        subject: p.subject,
        scope,
      });
      return rawToken("access", grantId, 1);
    };
    const bearer = (token: string, method: "GET" | "DELETE", clientId?: string) => {
      const request = new Request(`${BASE}${clientId ? `/${clientId}` : ""}`, {
        method,
        headers: { authorization: `Bearer ${token}` },
      });
      if (!clientId) return listApps(request, { params: Promise.resolve({}) });
      return (method === "GET" ? getApp : deleteApp)(request, { params: Promise.resolve({ clientId }) });
    };
    const bob = await tokenOf("bob@acme", "openid /acs/ram");
    expect((await bearer(bob, "GET")).status).toBe(200);
    expect((await bearer(bob, "DELETE", app.clientId)).status).toBe(403);
    const narrow = await bearer(await tokenOf("admin@acme", "openid"), "GET");
    expect(narrow.status).toBe(403);
    expect(await narrow.json()).toMatchObject({ error: "insufficient_scope" });
    // An administrator's token deletes the very installation it was issued through: from then on it is dead itself.
    const admin = await tokenOf("admin@acme", "openid /acs/ram");
    expect((await bearer(admin, "GET", app.clientId)).status).toBe(200);
    expect((await bearer(admin, "DELETE", app.clientId)).status).toBe(204);
    const after = await bearer(admin, "GET");
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("lets the account owner delete too", async () => {
    const app = await createApp(db().db, { owner: "isv", name: "Owner Deletes" });
    await install(db().db, { account: "acme", applicationId: app.id, scopes: ["openid"] });
    expect((await call("owner@acme", "DELETE", app.clientId)).status).toBe(204);
  });
});
