import { readdirSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { principalOf } from "../helpers/principals";
import { sessionCookieFor } from "../helpers/session-cookie";
import { answer, codeFor, demoClient, formRequest, VERIFIER } from "./oauth-fixtures";
import { accountIdOf, attach, installedThirdParty, newApp, newGroup, newRole, newUser, officialApp } from "./security-targets";

/** The console REST API (app/api/v1/**\/route.ts) as the security tests see it: every route file and method, and a fresh call for each. */
const API_ROOT = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const ISSUER = "http://localhost:3000";
export const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** "users/[userId]" for app/api/v1/users/[userId]/route.ts */
export function routeFiles(): string[] {
  return (readdirSync(API_ROOT, { recursive: true }) as string[])
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.dirname(f).split(path.sep).join("/"))
    .sort();
}

/** Every "METHOD /route" the route files export. */
export async function routeKeys(): Promise<string[]> {
  const keys: string[] = [];
  for (const route of routeFiles()) {
    const mod = (await import(path.join(API_ROOT, route, "route.ts"))) as Record<string, unknown>;
    for (const m of METHODS) if (typeof mod[m] === "function") keys.push(`${m} /${route}`);
  }
  return keys;
}

export async function handlerOf(key: string): Promise<Handler> {
  const [method, route] = key.split(" ") as [string, string];
  const mod = (await import(path.join(API_ROOT, route.slice(1), "route.ts"))) as Record<string, Handler | undefined>;
  const fn = mod[method];
  if (!fn) throw new Error(`${key}: the route file exports no ${method}`);
  return fn;
}

/** What one call sends: path parameters and a JSON body. */
export type Call = { params: Record<string, string>; body?: unknown };
type Build = (db: Db) => Promise<Call>;

let seq = 0;
const unique = (p: string) => `${p}${process.pid % 1000}n${++seq}`;
const auditorId = async (db: Db) =>
  (await db.select({ id: s.ramRoles.id }).from(s.ramRoles).where(and(eq(s.ramRoles.name, "auditor"), eq(s.ramRoles.accountId, await accountIdOf(db, "acme")))))[0]!.id;

/** One builder per "METHOD /route": every target is created fresh, in acme. */
export const CASES: Record<string, Build> = {
  "GET /apps": async () => ({ params: {} }),
  "POST /apps": async () => ({ params: {}, body: { name: unique("App "), type: "WebApp", redirectUris: ["https://app.example.com/cb"] } }),
  "GET /apps/[appId]": async (db) => ({ params: { appId: (await newApp(db, { owner: "acme" })).clientId } }),
  "PATCH /apps/[appId]": async (db) => ({ params: { appId: (await newApp(db, { owner: "acme" })).clientId }, body: { description: "changed" } }),
  "DELETE /apps/[appId]": async (db) => ({ params: { appId: (await newApp(db, { owner: "acme" })).clientId } }),
  "POST /apps/[appId]/scopes": async (db) => ({ params: { appId: (await newApp(db, { owner: "acme" })).clientId }, body: { scope: "profile", required: false } }),
  "PATCH /apps/[appId]/scopes/[scope]": async (db) => ({ params: { appId: (await newApp(db, { owner: "acme", scopes: ["profile"] })).clientId, scope: "profile" }, body: { required: true } }),
  "DELETE /apps/[appId]/scopes/[scope]": async (db) => ({ params: { appId: (await newApp(db, { owner: "acme", scopes: ["profile"] })).clientId, scope: "profile" } }),
  "POST /apps/[appId]/secrets": async (db) => ({ params: { appId: (await newApp(db, { owner: "acme" })).clientId } }),
  "DELETE /apps/[appId]/secrets/[secretId]": async (db) => {
    const app = await newApp(db, { owner: "acme", secrets: 1 });
    return { params: { appId: app.clientId, secretId: app.secretIds[0]! } };
  },
  "GET /groups": async () => ({ params: {} }),
  "POST /groups": async () => ({ params: {}, body: { name: unique("g") } }),
  "GET /groups/[groupId]": async (db) => ({ params: { groupId: await newGroup(db) } }),
  "DELETE /groups/[groupId]": async (db) => ({ params: { groupId: await newGroup(db) } }),
  "POST /groups/[groupId]/members": async (db) => ({ params: { groupId: await newGroup(db) }, body: { userId: await newUser(db) } }),
  "DELETE /groups/[groupId]/members/[userId]": async (db) => {
    const userId = await newUser(db);
    return { params: { groupId: await newGroup(db, "acme", userId), userId } };
  },
  "POST /groups/[groupId]/policies": async (db) => ({ params: { groupId: await newGroup(db) }, body: { policyName: "ReadOnlyAccess" } }),
  "DELETE /groups/[groupId]/policies/[policyName]": async (db) => {
    const groupId = await newGroup(db);
    await attach(db, "acme", "group", groupId);
    return { params: { groupId, policyName: "ReadOnlyAccess" } };
  },
  "GET /official-apps": async () => ({ params: {} }),
  "POST /official-apps/[appId]/provision": async (db) => ({ params: { appId: (await officialApp(db, null)).clientId }, body: { optionalScopes: ["profile"] } }),
  "GET /policies": async () => ({ params: {} }),
  "GET /roles": async () => ({ params: {} }),
  "POST /roles": async () => ({ params: {}, body: { name: unique("r") } }),
  "GET /roles/[roleId]": async (db) => ({ params: { roleId: await newRole(db) } }),
  "DELETE /roles/[roleId]": async (db) => ({ params: { roleId: await newRole(db) } }),
  "POST /roles/[roleId]/policies": async (db) => ({ params: { roleId: await newRole(db) }, body: { policyName: "ReadOnlyAccess" } }),
  "DELETE /roles/[roleId]/policies/[policyName]": async (db) => {
    const roleId = await newRole(db);
    await attach(db, "acme", "role", roleId);
    return { params: { roleId, policyName: "ReadOnlyAccess" } };
  },
  "POST /roles/[roleId]/trustees": async (db) => ({ params: { roleId: await newRole(db) }, body: { userId: await newUser(db) } }),
  "DELETE /roles/[roleId]/trustees/[userId]": async (db) => {
    const userId = await newUser(db);
    return { params: { roleId: await newRole(db, "acme", userId), userId } };
  },
  "GET /session": async () => ({ params: {} }),
  "PUT /session/role": async (db) => ({ params: {}, body: { roleId: await auditorId(db) } }),
  "DELETE /session/role": async () => ({ params: {} }),
  "GET /third-party-apps": async () => ({ params: {} }),
  "GET /third-party-apps/[appId]": async (db) => ({ params: { appId: (await installedThirdParty(db)).clientId } }),
  "DELETE /third-party-apps/[appId]": async (db) => ({ params: { appId: (await installedThirdParty(db)).clientId } }),
  "GET /third-party-apps/[appId]/assignments": async (db) => ({ params: { appId: (await officialApp(db, "acme")).clientId } }),
  "POST /third-party-apps/[appId]/assignments": async (db) => ({
    params: { appId: (await officialApp(db, "acme")).clientId },
    body: { assignees: [{ principalType: "user", principalId: await newUser(db) }] },
  }),
  "DELETE /third-party-apps/[appId]/assignments/[principalType]/[principalId]": async (db) => {
    const userId = await newUser(db);
    return { params: { appId: (await officialApp(db, "acme", [userId])).clientId, principalType: "user", principalId: userId } };
  },
  "GET /users": async () => ({ params: {} }),
  "POST /users": async () => ({ params: {}, body: { name: unique("u"), displayName: "New", password: "Str0ng-passw0rd" } }),
  "GET /users/[userId]": async (db) => ({ params: { userId: await newUser(db) } }),
  "PATCH /users/[userId]": async (db) => ({ params: { userId: await newUser(db) }, body: { displayName: "Renamed" } }),
  "DELETE /users/[userId]": async (db) => ({ params: { userId: await newUser(db) } }),
  "POST /users/[userId]/policies": async (db) => ({ params: { userId: await newUser(db) }, body: { policyName: "ReadOnlyAccess" } }),
  "DELETE /users/[userId]/policies/[policyName]": async (db) => {
    const userId = await newUser(db);
    await attach(db, "acme", "user", userId);
    return { params: { userId, policyName: "ReadOnlyAccess" } };
  },
};

export function urlOf(key: string, params: Record<string, string>): string {
  const route = key.split(" ")[1]!.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name]!));
  return `${ISSUER}/api/v1${route}`;
}

/** Sends one call: `headers` are the caller's (cookie and Origin, or Authorization). */
export async function send(key: string, call: Call, headers: Record<string, string>, body: string | undefined = call.body === undefined ? undefined : JSON.stringify(call.body)) {
  const method = key.split(" ")[0]!;
  const h = { ...(body !== undefined && !headers["content-type"] ? { "content-type": "application/json" } : {}), ...headers };
  const request = new Request(urlOf(key, call.params), { method, headers: h, body });
  return (await handlerOf(key))(request, { params: Promise.resolve(call.params) });
}

/** The kinds of caller of the permission matrix. */
export const CALLERS = ["out", "alice", "bob", "admin", "owner", "role", "globex", "bearer", "narrow"] as const;
export type CallerKind = (typeof CALLERS)[number];
const WHO: Record<string, string> = { alice: "alice@acme", bob: "bob@acme", admin: "admin@acme", owner: "owner@acme", role: "alice@acme as auditor", globex: "admin@globex" };

/** An access token of the demo app for `who`, through the token endpoint. */
export async function bearerToken(db: Db, who: string, scope: string): Promise<string> {
  const app = await demoClient(db);
  const code = await codeFor(db, app, who, { scope });
  const res = await answer(await tokenEndpoint(formRequest("/oauth2/token", app, { grant_type: "authorization_code", code, redirect_uri: app.redirectUri, code_verifier: VERIFIER })));
  if (res.status !== 200) throw new Error(`token for ${who}: ${res.status}`);
  return res.body.access_token as string;
}

/** Request headers of a caller; cookie callers get a fresh console session each time (PUT /session/role changes it). */
export async function callerHeaders(db: Db, kind: CallerKind, tokens: { bearer: string; narrow: string }): Promise<Record<string, string>> {
  if (kind === "out") return { origin: ISSUER };
  if (kind === "bearer" || kind === "narrow") return { authorization: `Bearer ${tokens[kind]}` };
  const { cookie } = await sessionCookieFor(db, await principalOf(db, WHO[kind]!));
  return { cookie, origin: ISSUER };
}
