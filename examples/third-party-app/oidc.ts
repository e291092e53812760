import * as client from "openid-client";
import type { Notice, Outcome, Pending, Session, Tokens } from "./sessions";

/** Where the demo application runs and which authorization server it trusts (environment, with demo defaults). */
export const settings = {
  port: Number(process.env.DEMO_PORT ?? 8765),
  host: "127.0.0.1",
  issuer: (process.env.RAM_ISSUER ?? "http://localhost:3000").replace(/\/+$/, ""),
  // The seed's demo client "Insight Dashboard" (db/seed.ts DEMO_CLIENT).
  clientId: process.env.DEMO_CLIENT_ID ?? "4071151845732613353",
  clientSecret: process.env.DEMO_CLIENT_SECRET ?? "demo-insight-dashboard-secret-change-me",
  defaultScope: "openid profile aliuid permissions /acs/ram",
};
export const redirectUri = `http://${settings.host}:${settings.port}/callback`;

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

async function attempt(fn: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await fn();
  } catch (error) {
    const e = describeError(error);
    return { ok: false, status: e.status, error: e.error, description: e.description };
  }
}

/** One readable shape for every failure openid-client (or the network) can raise. */
export function describeError(error: unknown): { error: string; description: string; status?: number } {
  if (error instanceof client.ResponseBodyError)
    return { error: error.error, description: error.error_description ?? error.message, status: error.status };
  if (error instanceof client.AuthorizationResponseError)
    return { error: error.error, description: error.error_description ?? "" };
  if (error instanceof client.WWWAuthenticateChallengeError) {
    const p = error.cause[0]?.parameters;
    return {
      error: p?.error ?? "invalid_token",
      description: p?.error_description ?? error.message,
      status: error.status,
    };
  }
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  if (e?.cause?.code === "ECONNREFUSED" || e?.message === "fetch failed") {
    return { error: "server_unreachable", description: `The RAM console at ${settings.issuer} can not be reached.` };
  }
  return { error: e?.code ?? "client_error", description: e?.message ?? String(error) };
}

const messages: Record<string, string> = {
  access_denied:
    "You did not grant access. The application was not authorized, and it received none of your information.",
  login_required: "You are not signed in to the RAM console.",
  consent_required: "The application needs to be authorized first.",
  invalid_scope: "The application asked for a scope it has not declared.",
  unauthorized_client: "This application may not use this kind of sign-in.",
  server_error: "The RAM console had a problem. Try again.",
  temporarily_unavailable: "The RAM console is busy. Try again in a moment.",
  server_unreachable: "The RAM console can not be reached.",
  no_sign_in_in_progress: "No sign-in was in progress in this browser.",
};

/** A failed sign-in, as the home page shows it: a sentence, the error code, the server's description. */
export function noticeOf(error: unknown): Notice {
  const e = describeError(error);
  return { error: e.error, message: messages[e.error] ?? "Signing in did not complete.", description: e.description };
}
