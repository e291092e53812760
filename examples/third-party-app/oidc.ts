import * as client from "openid-client";
import { attempt } from "./errors";
import type { Outcome, Pending, Session, Tokens } from "./sessions";
import { redirectUri, settings } from "./settings";

let configuration: Promise<client.Configuration> | undefined;

/** Discovery on first use (the console may start after this server); a failure is retried next time. */
export function config(): Promise<client.Configuration> {
  configuration ??= client
    .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
      // The demo talks to a local console over http; a real deployment uses https.
      execute: settings.issuer.startsWith("http://") ? [client.allowInsecureRequests] : [],
    })
    .catch((error: unknown) => {
      configuration = undefined;
      throw error;
    });
  return configuration;
}

/** The authorization request: code flow with PKCE S256, state and nonce (RFC 6749 §4.1, RFC 7636). */
export async function startSignIn(scope: string): Promise<{ pending: Pending; url: URL }> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const pending: Pending = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier,
    scope,
    startedAt: Date.now(),
  };
  const url = client.buildAuthorizationUrl(await config(), {
    redirect_uri: redirectUri,
    scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { pending, url };
}

function tokensOf(r: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers, previous?: Tokens): Tokens {
  const expiresIn = r.expiresIn();
  return {
    accessToken: r.access_token,
    refreshToken: r.refresh_token ?? previous?.refreshToken,
    idToken: r.id_token ?? previous?.idToken,
    scope: r.scope,
    expiresAt: expiresIn === undefined ? undefined : Date.now() + expiresIn * 1000,
    tokenType: r.token_type,
  };
}

/**
 * The redirect back: openid-client checks state, `iss` (RFC 9207) and the error parameters, then
 * exchanges the code with the PKCE verifier and validates the ID token (nonce included).
 */
export async function finishSignIn(session: Session, callbackUrl: URL): Promise<void> {
  const pending = session.pending;
  session.pending = undefined;
  if (!pending)
    throw Object.assign(new Error("No sign-in was in progress in this browser. Start again."), {
      code: "no_sign_in_in_progress",
    });
  const cfg = await config();
  const r = await client.authorizationCodeGrant(cfg, callbackUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  session.tokens = tokensOf(r);
  session.requestedScope = pending.scope;
  session.claims = r.claims() as Record<string, unknown> | undefined;
  session.result = undefined;
  session.notice = undefined;
  session.userinfo = await attempt(async () => ({
    ok: true as const,
    body: await client.fetchUserInfo(
      cfg,
      r.access_token,
      (session.claims?.sub as string | undefined) ?? client.skipSubjectCheck,
    ),
  }));
}

export async function refresh(session: Session): Promise<Outcome> {
  const tokens = session.tokens;
  if (!tokens?.refreshToken)
    return { ok: false, error: "no_refresh_token", description: "The authorization server issued no refresh token." };
  return attempt(async () => {
    const r = await client.refreshTokenGrant(await config(), tokens.refreshToken!);
    session.tokens = tokensOf(r, tokens);
    return {
      ok: true,
      status: 200,
      body: {
        token_type: r.token_type,
        scope: r.scope,
        expires_in: r.expires_in,
        id_token: r.id_token ? "(new ID token)" : undefined,
      },
    };
  });
}

/** Userinfo again with the current access token (OIDC Core §5.3). */
export function userinfo(session: Session): Promise<Outcome> {
  return attempt(async () => {
    const subject = (session.claims?.sub as string | undefined) ?? client.skipSubjectCheck;
    return {
      ok: true,
      status: 200,
      body: await client.fetchUserInfo(await config(), session.tokens?.accessToken ?? "", subject),
    };
  });
}

/** Calls the console REST API as the signed-in person (RFC 6750 bearer token). */
export function callConsoleApi(session: Session): Promise<Outcome> {
  return attempt(async () => {
    const res = await fetch(`${settings.issuer}/api/v1/session`, {
      headers: { authorization: `Bearer ${session.tokens?.accessToken ?? ""}`, accept: "application/json" },
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: shown as text
    }
    const challenge = res.headers.get("www-authenticate");
    if (res.ok) return { ok: true, status: res.status, body };
    return {
      ok: false,
      status: res.status,
      error: `HTTP ${res.status}`,
      description: challenge ? `WWW-Authenticate: ${challenge}` : "The console refused the call.",
      body,
    };
  });
}

/** Token introspection (RFC 7662), authenticated with the client secret. */
export async function introspect(session: Session): Promise<Outcome> {
  return attempt(async () => ({
    ok: true,
    status: 200,
    body: await client.tokenIntrospection(await config(), session.tokens?.accessToken ?? ""),
  }));
}
