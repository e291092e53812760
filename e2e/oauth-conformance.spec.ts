import { expect, test, type APIRequestContext } from "@playwright/test";
import * as client from "openid-client";
import { signInOverHttp } from "./fixtures/auth";

/**
 * An independent client library (openid-client v6, no workarounds) against the production build and
 * the real /oauth2/authorize: the isv owner signs in to isv's own app "Insight Dashboard", so the
 * authorization endpoint redirects straight back (no consent screen).
 */
const APP = {
  clientId: "4071151845732613353",
  secret: "demo-insight-dashboard-secret-change-me",
  redirectUri: "http://127.0.0.1:8765/callback",
};
const insecure = { execute: [client.allowInsecureRequests] };

/** Follows the authorization URL as the signed-in browser would, up to the redirect to the app. */
async function authorizeAndGetCallback(request: APIRequestContext, config: client.Configuration, scope: string) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: APP.redirectUri,
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  const res = await request.get(url.href, { maxRedirects: 0 });
  expect([302, 303]).toContain(res.status());
  const callback = new URL(res.headers().location!);
  expect(`${callback.origin}${callback.pathname}`).toBe(APP.redirectUri);
  expect(callback.searchParams.get("error")).toBeNull();
  return {
    callback,
    checks: { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true },
  };
}

test("openid-client: discovery, code + PKCE, ID token, userinfo, refresh, introspection, revocation", async ({
  page,
  baseURL,
}) => {
  await signInOverHttp(page.request, "owner@isv.example");
  const config = await client.discovery(
    new URL(baseURL!),
    APP.clientId,
    undefined,
    client.ClientSecretBasic(APP.secret),
    insecure,
  );
  const issuer = config.serverMetadata().issuer;
  expect(issuer).toBe(baseURL);

  const { callback, checks } = await authorizeAndGetCallback(
    page.request,
    config,
    "openid profile aliuid permissions /acs/ram",
  );
  expect(callback.searchParams.get("iss")).toBe(issuer);
  const tokens = await client.authorizationCodeGrant(config, callback, checks);
  const claims = tokens.claims()!;
  expect(claims).toMatchObject({
    iss: issuer,
    aud: APP.clientId,
    principal_type: "account",
    aid: "1580000000000003",
    login_name: "owner@isv.example",
  });
  expect(tokens.scope).toBe("openid profile aliuid permissions /acs/ram");

  // The same code a second time: refused, and what it issued is revoked.
  await expect(client.authorizationCodeGrant(config, callback, checks)).rejects.toMatchObject({
    error: "invalid_grant",
    status: 400,
  });
  await expect(client.fetchUserInfo(config, tokens.access_token, claims.sub)).rejects.toMatchObject({ status: 401 });

  const second = await authorizeAndGetCallback(page.request, config, "openid profile aliuid permissions /acs/ram");
  const fresh = await client.authorizationCodeGrant(config, second.callback, second.checks);
  const sub = fresh.claims()!.sub;
  expect(sub).toBe(claims.sub);
  const info = await client.fetchUserInfo(config, fresh.access_token, sub);
  expect(info).toMatchObject({
    sub,
    principal_type: "account",
    uid: "1580000000000003",
    policies: ["AdministratorAccess"],
  });

  // The token calls the console API as the person (isv has no RAM users).
  const api = await page.request.get("/api/v1/users", { headers: { authorization: `Bearer ${fresh.access_token}` } });
  expect(api.status()).toBe(200);
  expect(await api.json()).toMatchObject({ items: [], total: 0 });

  const refreshed = await client.refreshTokenGrant(config, fresh.refresh_token!);
  expect(refreshed.claims()!.sub).toBe(sub);
  await expect(client.refreshTokenGrant(config, fresh.refresh_token!)).rejects.toMatchObject({
    error: "invalid_grant",
  });

  const third = await authorizeAndGetCallback(page.request, config, "openid profile");
  const last = await client.authorizationCodeGrant(config, third.callback, third.checks);
  expect(await client.tokenIntrospection(config, last.access_token)).toMatchObject({
    active: true,
    client_id: APP.clientId,
    sub,
    scope: "openid profile",
    token_type: "Bearer",
  });
  await client.tokenRevocation(config, last.refresh_token!);
  expect(await client.tokenIntrospection(config, last.access_token)).toEqual({ active: false });
  await expect(client.fetchUserInfo(config, last.access_token, sub)).rejects.toMatchObject({ status: 401 });
});

test("the discovery documents and the JWKS are served by the production build", async ({ request, baseURL }) => {
  const oidc = await request.get("/.well-known/openid-configuration");
  const rfc8414 = await request.get("/.well-known/oauth-authorization-server");
  expect(oidc.status()).toBe(200);
  expect(await rfc8414.text()).toBe(await oidc.text());
  const metadata = (await oidc.json()) as {
    issuer: string;
    jwks_uri: string;
    code_challenge_methods_supported: string[];
  };
  expect(metadata.issuer).toBe(baseURL);
  expect(metadata.code_challenge_methods_supported).toEqual(["S256"]);
  const jwks = await request.get(metadata.jwks_uri);
  expect(jwks.status()).toBe(200);
  expect(((await jwks.json()) as { keys: { alg: string }[] }).keys[0]!.alg).toBe("RS256");
  const token = await request.post("/oauth2/token", { form: { grant_type: "password" } });
  expect(token.status()).toBe(400);
  expect(token.headers()["cache-control"]).toBe("no-store");
  expect(await token.json()).toMatchObject({ error: "unsupported_grant_type" });
});
