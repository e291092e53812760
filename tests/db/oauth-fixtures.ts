import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { DEMO_CLIENT } from "@/db/seed";
import { sha256 } from "@/lib/crypto/tokens";
import { s256Challenge } from "@/lib/oauth/check-pkce";
import { issueAuthorizationCode } from "@/lib/oauth/codes";
import { personOf } from "@/lib/oauth/person";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { userinfoEndpoint } from "@/lib/oauth/userinfo-endpoint";
import { principalOf } from "../helpers/principals";

/** Test data for the token, userinfo, revocation and introspection endpoints (tests/db/oauth-*.test.ts). */
export const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-and-some-more";
export const CHALLENGE = s256Challenge(VERIFIER);

export type TestClient = { id: string; clientId: string; secret: string | null; redirectUri: string };

export async function demoClient(db: Db): Promise<TestClient> {
  const [app] = await db.select({ id: s.applications.id }).from(s.applications).where(eq(s.applications.clientId, DEMO_CLIENT.clientId));
  return { id: app!.id, clientId: DEMO_CLIENT.clientId, secret: DEMO_CLIENT.clientSecret, redirectUri: DEMO_CLIENT.redirectUri };
}

let counter = 0;

/** A further application of the isv account: a WebApp with a secret, or a public NativeApp. */
export async function createClient(db: Db, type: "WebApp" | "NativeApp", scopes = ["openid", "profile", "aliuid", "permissions", "/acs/ram"]): Promise<TestClient> {
  counter += 1;
  const clientId = `77${process.pid}${Date.now() % 1e6}${counter}`;
  const redirectUri = `http://127.0.0.1:9${counter}/cb`;
  const [isv] = await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.alias, "isv"));
  const [app] = await db
    .insert(s.applications)
    .values({ clientId, accountId: isv!.id, name: `Test ${type} ${counter}`, type, redirectUris: [redirectUri], thirdParty: true, accessTokenValidity: 600 })
    .returning({ id: s.applications.id });
  await db.insert(s.appScopes).values(scopes.map((scope) => ({ appId: app!.id, scope, required: scope === "openid" })));
  const secret = type === "WebApp" ? `secret-${clientId}` : null;
  if (secret) await db.insert(s.appSecrets).values({ appId: app!.id, secretHash: sha256(secret), prefix: secret.slice(0, 6) });
  return { id: app!.id, clientId, secret, redirectUri };
}

/** The installation of an app in an account (inserted directly: the consent screen is not under test here). */
export async function installApp(db: Db, alias: string, appId: string, scopes: string[]): Promise<string> {
  const [account] = await db.select({ id: s.accounts.id }).from(s.accounts).where(eq(s.accounts.alias, alias));
  const [existing] = await db
    .select({ id: s.installations.id })
    .from(s.installations)
    .where(and(eq(s.installations.accountId, account!.id), eq(s.installations.appId, appId)));
  if (existing) return existing.id;
  const [row] = await db
    .insert(s.installations)
    .values({ accountId: account!.id, appId, scopes, source: "consent", installedBy: "test" })
    .returning({ id: s.installations.id });
  return row!.id;
}

/** A code as the authorization endpoint issues it, for `who` ("alice@acme", "alice@acme as auditor"). */
export async function codeFor(
  db: Db,
  client: TestClient,
  who: string,
  opts: { scope?: string; challenge?: string | null; nonce?: string | null; redirectUri?: string } = {},
): Promise<string> {
  const principal = await principalOf(db, who);
  const scope = opts.scope ?? "openid profile aliuid permissions /acs/ram";
  const installationId = await installApp(db, principal.accountAlias, client.id, scope.split(" "));
  return issueAuthorizationCode(db, {
    appId: client.id,
    installationId,
    person: personOf(principal),
    scope,
    redirectUri: opts.redirectUri ?? client.redirectUri,
    codeChallenge: opts.challenge === undefined ? CHALLENGE : opts.challenge,
    nonce: opts.nonce ?? null,
    authTime: new Date(Date.now() - 5_000),
  });
}

export type Auth = "basic" | "post" | "none" | { basic: [string, string] };

const formEncode = (v: string) => encodeURIComponent(v).replace(/%20/g, "+");

/** A form POST to an OAuth endpoint with the client's credentials, the way `auth` says. */
export function formRequest(path: string, client: TestClient, params: Record<string, string>, auth: Auth = "basic"): Request {
  const body = new URLSearchParams(params);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (auth === "post") {
    body.set("client_id", client.clientId);
    body.set("client_secret", client.secret ?? "");
  } else if (auth === "none") {
    body.set("client_id", client.clientId);
  } else {
    const [id, secret] = auth === "basic" ? [client.clientId, client.secret ?? ""] : auth.basic;
    headers.authorization = `Basic ${Buffer.from(`${formEncode(id)}:${formEncode(secret)}`).toString("base64")}`;
  }
  return new Request(`http://localhost:3000${path}`, { method: "POST", headers, body: body.toString() });
}

export type Answer = { status: number; body: Record<string, unknown>; headers: Headers };

export async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}

export function userinfoRequest(accessToken: string, method: "GET" | "POST" = "GET"): Request {
  return new Request("http://localhost:3000/oauth2/userinfo", { method, headers: { authorization: `Bearer ${accessToken}` } });
}

/** POST /oauth2/token as `client` (client_secret_basic unless told otherwise), answered as JSON. */
export async function postToken(client: TestClient, params: Record<string, string>, auth: Auth = "basic"): Promise<Answer> {
  return answer(await tokenEndpoint(formRequest("/oauth2/token", client, params, auth)));
}

/** The HTTP status userinfo gives this access token: 200 while it lives, 401 once it is dead. */
export async function userinfoStatus(accessToken: string): Promise<number> {
  return (await userinfoEndpoint(userinfoRequest(accessToken))).status;
}
