import { eq } from "drizzle-orm";
import { decodeJwt } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { setupSeededDatabase } from "../fixtures/db";
import { exchangeCode } from "../fixtures/token-requests";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { CHALLENGE, demoClient, postToken, type TestClient } from "../fixtures/oauth-fixtures";

/**
 * prompt=login, max_age and auth_time (OIDC Core §3.1.2.1, §2), request / request_uri refused
 * (§6.1, §6.2) and PKCE for every client (OAuth 2.1), at the authorization endpoint. The isv owner
 * uses isv's own confidential app (the demo client), so a passing request gets its code at once.
 */
const db = setupSeededDatabase();
const ISSUER = "http://localhost:3000";
let app: TestClient;

beforeAll(async () => {
  app = await demoClient(db().db);
});

function authorizeUrl(extra: Record<string, string> = {}, drop: string[] = []) {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
    scope: "openid profile",
    state: "st-9",
    nonce: "n-9",
    code_challenge: CHALLENGE,
    code_challenge_method: "S256",
    ...extra,
  });
  for (const d of drop) q.delete(d);
  return `${ISSUER}/oauth2/authorize?${q}`;
}

/** A console session of the isv owner that signed in `ageSeconds` ago. */
async function session(ageSeconds = 0) {
  const { cookie, sid } = await sessionCookieFor(db().db, await principalOf(db().db, "owner@isv"));
  if (ageSeconds)
    await db()
      .db.update(s.consoleSessions)
      .set({ authTime: new Date(Date.now() - ageSeconds * 1000) })
      .where(eq(s.consoleSessions.id, sid));
  const [row] = await db()
    .db.select({ authTime: s.consoleSessions.authTime })
    .from(s.consoleSessions)
    .where(eq(s.consoleSessions.id, sid));
  return { cookie, authTime: row!.authTime };
}

async function get(url: string, cookie?: string) {
  const res = await authorizeEndpoint(new Request(new URL(url, ISSUER), { headers: cookie ? { cookie } : {} }));
  expect(res.status).toBe(302);
  return res.headers.get("location")!;
}

/** The sign-in redirect asking for a fresh sign-in, and the authorization request it comes back to. */
function reauthentication(location: string) {
  const url = new URL(location, ISSUER);
  expect(url.pathname).toBe("/signin");
  expect(url.searchParams.get("prompt")).toBe("login");
  return new URL(url.searchParams.get("callbackUrl")!, ISSUER);
}

function appRedirect(location: string) {
  const url = new URL(location);
  expect(url.origin + url.pathname).toBe(app.redirectUri);
  expect([url.searchParams.get("state"), url.searchParams.get("iss")]).toEqual(["st-9", ISSUER]);
  return url.searchParams;
}

async function exchange(code: string) {
  const res = await exchangeCode(app, code);
  expect(res.status).toBe(200);
  return res.body as { id_token: string; refresh_token: string };
}

describe(`prompt=login and max_age on ${process.env.TEST_DB}`, () => {
  it("prompt=login sends a signed-in person to sign in again; the way back passes only a session newer than the request", async () => {
    const old = await session(60);
    const back = reauthentication(await get(authorizeUrl({ prompt: "login" }), old.cookie));
    expect(back.pathname).toBe("/oauth2/authorize");
    // Without prompt=login (else it loops), but bound: the old session is sent to sign in again.
    expect(back.searchParams.get("prompt")).toBeNull();
    expect(back.searchParams.get("state")).toBe("st-9");
    reauthentication(await get(back.href, old.cookie));

    const fresh = await session();
    const code = appRedirect(await get(back.href, fresh.cookie)).get("code")!;
    const tokens = await exchange(code);
    expect(decodeJwt(tokens.id_token).auth_time).toBe(Math.floor(fresh.authTime.getTime() / 1000));
    // After a refresh the ID token keeps the original auth_time.
    const refreshed = await postToken(app, { grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(refreshed.body.id_token as string).auth_time).toBe(Math.floor(fresh.authTime.getTime() / 1000));
  });

  it("keeps other prompt values and the rest of the request on the way back", async () => {
    const old = await session(60);
    const back = reauthentication(
      await get(authorizeUrl({ prompt: "login consent", ui_locales: "zh-CN" }), old.cookie),
    );
    expect([
      back.searchParams.get("prompt"),
      back.searchParams.get("ui_locales"),
      back.searchParams.get("code_challenge"),
    ]).toEqual(["consent", "zh-CN", CHALLENGE]);
  });

  it("max_age=0 and a too small max_age send an older session to sign in; a new session then gets the code", async () => {
    const old = await session(120);
    for (const maxAge of ["0", "60"]) {
      const back = reauthentication(await get(authorizeUrl({ max_age: maxAge }), old.cookie));
      // max_age=0 would never be met on the way back: it is replaced by the bound to this request.
      expect(back.searchParams.get("max_age")).toBeNull();
      reauthentication(await get(back.href, old.cookie));
      const fresh = await session();
      const code = appRedirect(await get(back.href, fresh.cookie)).get("code")!;
      expect(decodeJwt((await exchange(code)).id_token).auth_time).toBe(Math.floor(fresh.authTime.getTime() / 1000));
    }
  });

  it("a session within max_age gets its code at once, with auth_time in the ID token", async () => {
    const recent = await session(30);
    const code = appRedirect(await get(authorizeUrl({ max_age: "3600" }), recent.cookie)).get("code")!;
    expect(decodeJwt((await exchange(code)).id_token).auth_time).toBe(Math.floor(recent.authTime.getTime() / 1000));
  });

  it("a signed-out person with prompt=login or max_age=0 comes back from sign-in without looping", async () => {
    for (const extra of [{ prompt: "login" }, { max_age: "0" }] as Record<string, string>[]) {
      const back = reauthentication(await get(authorizeUrl(extra)));
      const fresh = await session();
      expect(appRedirect(await get(back.href, fresh.cookie)).get("code")).toBeTruthy();
    }
  });

  it("prompt=none with max_age exceeded answers login_required", async () => {
    const old = await session(120);
    expect(appRedirect(await get(authorizeUrl({ prompt: "none", max_age: "60" }), old.cookie)).get("error")).toBe(
      "login_required",
    );
  });

  it("refuses a max_age that is not a non-negative integer with invalid_request", async () => {
    const { cookie } = await session();
    for (const bad of ["-1", "1.5", "abc", "1e3", " 5", "+5"]) {
      expect(appRedirect(await get(authorizeUrl({ max_age: bad }), cookie)).get("error"), bad).toBe("invalid_request");
    }
  });

  it("a made-up login_after in the future can not lock the person out: one new sign-in passes", async () => {
    const { cookie } = await session();
    const back = reauthentication(await get(authorizeUrl({ login_after: String(Date.now() + 3600_000) }), cookie));
    expect(Number(back.searchParams.get("login_after"))).toBeLessThanOrEqual(Date.now());
    const fresh = await session();
    expect(appRedirect(await get(back.href, fresh.cookie)).get("code")).toBeTruthy();
  });
});

describe(`request objects and PKCE on ${process.env.TEST_DB}`, () => {
  it("answers request with request_not_supported and request_uri with request_uri_not_supported", async () => {
    const { cookie } = await session();
    expect(appRedirect(await get(authorizeUrl({ request: "eyJhbGciOiJub25lIn0.e30." }), cookie)).get("error")).toBe(
      "request_not_supported",
    );
    expect(appRedirect(await get(authorizeUrl({ request_uri: "https://rp.example/req/1" }), cookie)).get("error")).toBe(
      "request_uri_not_supported",
    );
    // Signed out too: the error goes back to the application, the person is not sent to sign in.
    expect(appRedirect(await get(authorizeUrl({ request: "x" }))).get("error")).toBe("request_not_supported");
  });

  it("requires code_challenge from a confidential client", async () => {
    const { cookie } = await session();
    const answer = appRedirect(await get(authorizeUrl({}, ["code_challenge", "code_challenge_method"]), cookie));
    expect(answer.get("error")).toBe("invalid_request");
    expect(answer.get("error_description")).toContain("code_challenge required");
  });
});
