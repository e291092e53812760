import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { createAppSecret } from "@/lib/apps/create-app-secret";
import { createApplication } from "@/lib/apps/create-application";
import { provisionOfficialApp } from "@/lib/apps/provision-official-app";
import { principalRef } from "@/lib/ram/principal";
import { issueAuthorizationCode } from "@/lib/oauth/codes";
import { setupSeededDatabase } from "../fixtures/db";
import {
  answer,
  CHALLENGE,
  codeFor,
  demoClient,
  postToken,
  VERIFIER,
  type TestClient,
} from "../fixtures/oauth-fixtures";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { consoleFetch, ISSUER } from "../fixtures/mcp-fixtures";

const db = setupSeededDatabase();
const MCP_CLIENT_ID = "4000000000000000001";
const MCP_REDIRECT = "http://127.0.0.1:8766/callback";
let mcpApp: TestClient;
let installationId: string;

beforeAll(async () => {
  const admin = await principalOf(db().db, "admin@acme");
  await provisionOfficialApp({ actor: admin, clientId: MCP_CLIENT_ID, optionalScopes: [] });
  const [row] = await db().db.select().from(s.applications).where(eq(s.applications.clientId, MCP_CLIENT_ID));
  const [inst] = await db()
    .db.select()
    .from(s.installations)
    .where(and(eq(s.installations.applicationId, row!.id), eq(s.installations.accountId, admin.accountId)));
  installationId = inst!.id;
  mcpApp = { id: row!.id, clientId: MCP_CLIENT_ID, secret: null, redirectUri: MCP_REDIRECT };
});

/** A code of the official MCP app for the owner of acme (always assigned), for `resource` and `scope`. */
async function mcpCode(resource: string | null, scope = "openid /acs/mcp-server") {
  const owner = await principalOf(db().db, "owner@acme");
  return issueAuthorizationCode(db().db, {
    applicationId: mcpApp.id,
    installationId,
    person: principalRef(owner),
    scope,
    redirectUri: MCP_REDIRECT,
    codeChallenge: CHALLENGE,
    nonce: null,
    authTime: new Date(),
    resource,
  });
}

const exchange = (code: string, extra: Record<string, string> = {}) =>
  postToken(
    mcpApp,
    { grant_type: "authorization_code", code, redirect_uri: MCP_REDIRECT, code_verifier: VERIFIER, ...extra },
    "none",
  );

const callMcp = (token: string) =>
  consoleFetch(`${ISSUER}/mcp`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
  });

const register = (body: unknown, type = "application/json") =>
  consoleFetch(`${ISSUER}/oauth2/register`, {
    method: "POST",
    headers: { "content-type": type },
    body: JSON.stringify(body),
  }).then(answer);

describe(`resource indicators and audiences on ${process.env.TEST_DB}`, () => {
  it("refuses an unknown resource at the authorization endpoint with invalid_target", async () => {
    const owner = await principalOf(db().db, "owner@acme");
    const { cookie } = await sessionCookieFor(db().db, owner);
    const q = new URLSearchParams({
      response_type: "code",
      client_id: MCP_CLIENT_ID,
      redirect_uri: MCP_REDIRECT,
      scope: "openid /acs/mcp-server",
      code_challenge: CHALLENGE,
      code_challenge_method: "S256",
      resource: "https://elsewhere.example/mcp",
    });
    const res = await authorizeEndpoint(new Request(`${ISSUER}/oauth2/authorize?${q}`, { headers: { cookie } }));
    expect(new URL(res.headers.get("location")!).searchParams.get("error")).toBe("invalid_target");
    // The console API is a resource, but not one this application declared a scope for.
    q.set("resource", `${ISSUER}/api/v1`);
    const api = await authorizeEndpoint(new Request(`${ISSUER}/oauth2/authorize?${q}`, { headers: { cookie } }));
    expect(new URL(api.headers.get("location")!).searchParams.get("error")).toBe("invalid_target");
  });

  it("binds the token to /mcp: the code's resource holds at the token endpoint and at refresh", async () => {
    const other = await exchange(await mcpCode(`${ISSUER}/mcp`), { resource: "https://elsewhere.example/" });
    expect(other.body.error).toBe("invalid_target");
    const ok = await exchange(await mcpCode(`${ISSUER}/mcp`), { resource: `${ISSUER}/mcp` });
    expect(ok.status).toBe(200);
    expect((await callMcp(ok.body.access_token as string)).status).toBe(200);
    const refresh = { grant_type: "refresh_token", refresh_token: ok.body.refresh_token as string };
    const wrong = await postToken(mcpApp, { ...refresh, resource: `${ISSUER}/api/v1` }, "none");
    expect(wrong.body.error).toBe("invalid_target");
    const again = await postToken(mcpApp, { ...refresh, resource: `${ISSUER}/mcp` }, "none");
    expect(again.status).toBe(200);
    expect((await callMcp(again.body.access_token as string)).status).toBe(200);
  });

  it("refuses a console API token at /mcp, and asks for /acs/mcp-server with 403 insufficient_scope", async () => {
    const demo = await demoClient(db().db);
    const api = await postToken(demo, {
      grant_type: "authorization_code",
      code: await codeFor(db().db, demo, "admin@acme"),
      redirect_uri: demo.redirectUri,
      code_verifier: VERIFIER,
    });
    const refused = await callMcp(api.body.access_token as string);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(
      /resource_metadata=".*\/oauth-protected-resource\/mcp".*invalid_token/,
    );

    const narrow = await exchange(await mcpCode(`${ISSUER}/mcp`, "openid"));
    const step = await callMcp(narrow.body.access_token as string);
    expect(step.status).toBe(403);
    expect(step.headers.get("www-authenticate")).toMatch(/error="insufficient_scope".*scope="\/acs\/mcp-server"/);
  });
});

describe(`dynamic registration (RFC 7591) on ${process.env.TEST_DB}`, () => {
  const valid = { redirect_uris: ["http://127.0.0.1:4000/cb"], application_type: "native", client_name: "Host" };

  it("is advertised, and registers a public client", async () => {
    const meta = await (await consoleFetch(`${ISSUER}/.well-known/oauth-authorization-server`)).json();
    expect(meta.registration_endpoint).toBe(`${ISSUER}/oauth2/register`);
    const res = await register(valid);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ token_endpoint_auth_method: "none", redirect_uris: valid.redirect_uris });
    expect(res.body.client_secret).toBeUndefined();
  });

  it("refuses what an MCP host may not register, with the RFC 7591 error codes", async () => {
    const cases: [unknown, string][] = [
      [{ ...valid, application_type: undefined }, "invalid_client_metadata"],
      [{ ...valid, token_endpoint_auth_method: "client_secret_basic" }, "invalid_client_metadata"],
      [{ ...valid, grant_types: ["client_credentials"] }, "invalid_client_metadata"],
      [{ ...valid, redirect_uris: ["http://evil.example/cb"] }, "invalid_redirect_uri"],
      [{ ...valid, redirect_uris: ["https://host.example/cb#frag"] }, "invalid_redirect_uri"],
      [{ ...valid, redirect_uris: [] }, "invalid_client_metadata"],
    ];
    for (const [body, error] of cases) {
      const res = await register(body);
      expect([res.status, res.body.error]).toEqual([400, error]);
    }
    expect((await register(valid, "text/plain")).body.error).toBe("invalid_request");
  });
});

describe(`OAuth protocol version on ${process.env.TEST_DB}`, () => {
  it("gives a 2.1 application no client secret, and refuses to add one", async () => {
    const owner = await principalOf(db().db, "owner@isv");
    const created = await createApplication({
      actor: owner,
      input: {
        name: "Strict App",
        type: "WebApp",
        oauthVersion: "2.1",
        redirectUris: ["https://strict.example/cb"],
        scopes: [{ scope: "openid", required: true }],
      },
    });
    expect(created.clientSecret).toBeNull();
    expect(created.app?.oauthVersion).toBe("2.1");
    await expect(createAppSecret({ actor: owner, clientId: created.clientId })).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
