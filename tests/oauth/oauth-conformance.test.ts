import { principalRef } from "@/lib/ram/principal";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { issueAuthorizationCode } from "@/lib/oauth/codes";
import { introspectionEndpoint } from "@/lib/oauth/introspection-endpoint";
import { jwksEndpoint } from "@/lib/oauth/jwks-endpoint";
import { metadataEndpoint } from "@/lib/oauth/metadata";
import { revocationEndpoint } from "@/lib/oauth/revocation-endpoint";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { userinfoEndpoint } from "@/lib/oauth/userinfo-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { serveHandlers } from "../fixtures/oauth-http-server";
import { createClient, demoClient, installApp, type TestClient } from "../fixtures/oauth-fixtures";

/**
 * An independent client library (openid-client v6, no workarounds) against the protocol handlers,
 * served over real HTTP. The authorization endpoint is not under test: the code is issued the way it
 * issues codes, and the callback URL is built as it would redirect (code, state, iss — RFC 9207).
 */
const db = setupSeededDatabase();
let server: { url: string; close: () => Promise<void> };
const previousIssuer = process.env.ISSUER_URL;

beforeAll(async () => {
  server = await serveHandlers({
    "/.well-known/openid-configuration": { GET: metadataEndpoint },
    "/.well-known/oauth-authorization-server": { GET: metadataEndpoint },
    "/oauth2/jwks": { GET: jwksEndpoint },
    "/oauth2/token": { POST: tokenEndpoint },
    "/oauth2/userinfo": { GET: userinfoEndpoint, POST: userinfoEndpoint },
    "/oauth2/revoke": { POST: revocationEndpoint },
    "/oauth2/introspect": { POST: introspectionEndpoint },
  });
  process.env.ISSUER_URL = server.url;
  resetEnvForTests();
});

afterAll(async () => {
  await server?.close();
  process.env.ISSUER_URL = previousIssuer;
  resetEnvForTests();
});

const insecure = { execute: [client.allowInsecureRequests] };

/** What the authorization endpoint would do after sign-in: issue a code, redirect to the callback. */
async function authorize(config: client.Configuration, app: TestClient, who: string, scope: string) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const challenge = await client.calculatePKCECodeChallenge(verifier);
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: app.redirectUri,
    scope,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state,
    nonce,
  });
  expect(url.origin + url.pathname).toBe(`${server.url}/oauth2/authorize`);
  const principal = await principalOf(db().db, who);
  const installationId = await installApp(db().db, principal.accountAlias, app.id, scope.split(" "));
  const code = await issueAuthorizationCode(db().db, {
    applicationId: app.id,
    installationId,
    person: principalRef(principal),
    scope: url.searchParams.get("scope")!,
    redirectUri: url.searchParams.get("redirect_uri")!,
    codeChallenge: url.searchParams.get("code_challenge"),
    nonce: url.searchParams.get("nonce"),
    authTime: new Date(),
  });
  const callback = new URL(app.redirectUri);
  callback.search = new URLSearchParams({ code, state, iss: config.serverMetadata().issuer }).toString();
  return {
    callback,
    checks: { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true },
    principal,
  };
}

describe(`openid-client v6 against the protocol handlers, on ${process.env.TEST_DB}`, () => {
  it("runs discovery, code + PKCE, ID token validation, userinfo, refresh, introspection and revocation (client_secret_basic)", async () => {
    const app = await demoClient(db().db);
    const config = await client.discovery(
      new URL(server.url),
      app.clientId,
      undefined,
      client.ClientSecretBasic(app.secret!),
      insecure,
    );
    expect(config.serverMetadata().issuer).toBe(server.url);

    const { callback, checks, principal } = await authorize(
      config,
      app,
      "bob@acme",
      "openid profile aliuid permissions",
    );
    // maxAge: openid-client requires auth_time in the ID token and checks it (OIDC Core §3.1.2.1).
    const tokens = await client.authorizationCodeGrant(config, callback, { ...checks, maxAge: 300 });
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({
      iss: server.url,
      aud: app.clientId,
      sub: principal.subject,
      principal_type: "user",
      upn: "bob@acme.onaliyun.com",
    });
    expect(claims.auth_time).toEqual(expect.any(Number));
    expect(tokens.token_type).toBe("bearer");

    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    expect(info).toMatchObject({ sub: principal.subject, name: "Bob", policies: ["AliyunRAMReadOnlyAccess"] });

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.claims()!.sub).toBe(principal.subject);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

    expect(await client.tokenIntrospection(config, refreshed.access_token)).toMatchObject({
      active: true,
      client_id: app.clientId,
      sub: principal.subject,
    });
    await client.tokenRevocation(config, refreshed.refresh_token!);
    expect(await client.tokenIntrospection(config, refreshed.access_token)).toEqual({ active: false });
    await expect(client.fetchUserInfo(config, refreshed.access_token, claims.sub)).rejects.toMatchObject({
      status: 401,
    });
  });

  it("refuses a reused code and a reused refresh token with invalid_grant (client_secret_post)", async () => {
    const app = await demoClient(db().db);
    const config = await client.discovery(new URL(server.url), app.clientId, app.secret!, undefined, insecure);
    const { callback, checks } = await authorize(config, app, "alice@acme", "openid profile");
    const tokens = await client.authorizationCodeGrant(config, callback, checks);
    await expect(client.authorizationCodeGrant(config, callback, checks)).rejects.toMatchObject({
      error: "invalid_grant",
      status: 400,
    });
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: "invalid_grant",
    });
  });

  it("serves a public client (NativeApp, auth method none, PKCE)", async () => {
    const app = await createClient(db().db, "NativeApp");
    const config = await client.discovery(new URL(server.url), app.clientId, undefined, client.None(), insecure);
    const { callback, checks, principal } = await authorize(config, app, "alice@acme as auditor", "openid profile");
    const tokens = await client.authorizationCodeGrant(config, callback, checks);
    expect(tokens.claims()).toMatchObject({ sub: principal.subject, principal_type: "role", role_name: "auditor" });
    expect((await client.refreshTokenGrant(config, tokens.refresh_token!)).access_token).toEqual(expect.any(String));
  });
});
