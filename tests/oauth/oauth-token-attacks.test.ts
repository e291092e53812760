import { beforeAll, describe, expect, it } from "vitest";
import { introspectionEndpoint } from "@/lib/oauth/introspection-endpoint";
import { revocationEndpoint } from "@/lib/oauth/revocation-endpoint";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import {
  answer,
  codeFor,
  createClient,
  demoClient,
  VERIFIER,
  type TestClient,
  postToken,
  userinfoStatus,
} from "../fixtures/oauth-fixtures";

/**
 * Token endpoint attacks that tests/oauth/oauth-token.test.ts and oauth-refresh.test.ts do not cover
 * yet: replay of a used code by another client, codes burnt by failed attempts, bodies that are
 * too large (declared or streamed), odd content types and repeated parameters, on every form endpoint.
 */
const db = setupSeededDatabase();
let app: TestClient;
let other: TestClient;

beforeAll(async () => {
  app = await demoClient(db().db);
  other = await createClient(db().db, "WebApp");
});

const exchange = (client: TestClient, code: string, extra: Record<string, string> = {}) =>
  postToken(client, {
    grant_type: "authorization_code",
    code,
    redirect_uri: app.redirectUri,
    code_verifier: VERIFIER,
    ...extra,
  });
const basic = (c: TestClient) => `Basic ${Buffer.from(`${c.clientId}:${c.secret}`).toString("base64")}`;

/** Read in full, this body would answer invalid_grant (token) or 200 (revoke, introspect): a 400 invalid_request means it was refused for its size. */
const VALID_IF_READ = "grant_type=refresh_token&refresh_token=x&token=x&";
const ENDPOINTS = { token: tokenEndpoint, revoke: revocationEndpoint, introspect: introspectionEndpoint } as const;
function raw(
  endpoint: keyof typeof ENDPOINTS,
  body: BodyInit | null,
  headers: Record<string, string>,
  method = "POST",
) {
  return ENDPOINTS[endpoint](
    new Request(`http://localhost:3000/oauth2/${endpoint}`, {
      method,
      headers: { authorization: basic(app), ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );
}

describe(`token endpoint attacks on ${process.env.TEST_DB}`, () => {
  it("code injection: a used code replayed by another client (with its own valid secret) is refused and revokes what the first exchange issued (RFC 6749 §4.1.2)", async () => {
    const code = await codeFor(db().db, app, "alice@acme");
    const first = await exchange(app, code);
    expect(first.status).toBe(200);
    const injected = await exchange(other, code);
    expect([injected.status, injected.body.error]).toEqual([400, "invalid_grant"]);
    expect(injected.body.access_token).toBeUndefined();
    expect(await userinfoStatus(first.body.access_token as string)).toBe(401);
    const refresh = await postToken(app, {
      grant_type: "refresh_token",
      refresh_token: first.body.refresh_token as string,
    });
    expect([refresh.status, refresh.body.error]).toEqual([400, "invalid_grant"]);
  });

  it("a code is burnt by a failed attempt: no guessing the PKCE verifier or the redirect_uri (RFC 9700 §4.8, §4.1)", async () => {
    const attempts: Record<string, string>[] = [
      { code_verifier: "A".repeat(43) },
      { redirect_uri: `${app.redirectUri}/x` },
      { code_verifier: "short" },
    ];
    for (const wrong of attempts) {
      const code = await codeFor(db().db, app, "bob@acme");
      const bad = await exchange(app, code, wrong);
      expect([bad.status, bad.body.error]).toEqual([400, "invalid_grant"]);
      const retry = await exchange(app, code);
      expect([retry.status, retry.body.error], JSON.stringify(wrong)).toEqual([400, "invalid_grant"]);
    }
  });

  it("a code is not burnt by a request whose client authentication fails: a stranger can not spoil it", async () => {
    const code = await codeFor(db().db, app, "bob@acme");
    const stranger = await exchange({ ...app, secret: "guess" }, code);
    expect([stranger.status, stranger.body.error]).toEqual([401, "invalid_client"]);
    expect((await exchange(app, code)).status).toBe(200);
  });

  it("refuses a client_id in the body that differs from the Basic credentials (RFC 6749 §2.3)", async () => {
    const code = await codeFor(db().db, app, "bob@acme");
    const res = await answer(
      await raw(
        "token",
        new URLSearchParams({
          grant_type: "authorization_code",
          code,
          redirect_uri: app.redirectUri,
          code_verifier: VERIFIER,
          client_id: other.clientId,
        }).toString(),
        {
          "content-type": "application/x-www-form-urlencoded",
        },
      ),
    );
    expect([res.status, res.body.error]).toEqual([400, "invalid_request"]);
  });

  it.each(["token", "revoke", "introspect"] as const)(
    "%s: a declared Content-Length over 16 KiB is refused unread with 413, and so is a streamed body over 16 KiB",
    async (endpoint) => {
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          if (pulled > 64) return controller.close();
          const head = pulled === 1 ? VALID_IF_READ : "";
          controller.enqueue(new TextEncoder().encode(`${head}pad${pulled}=${"a".repeat(1024)}&`));
        },
      });
      const declared = await answer(
        await raw(endpoint, VALID_IF_READ, {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": String(17 * 1024),
        }),
      );
      expect([declared.status, declared.body.error]).toEqual([413, "invalid_request"]);
      const streamed = await answer(
        await raw(endpoint, stream, { "content-type": "application/x-www-form-urlencoded" }),
      );
      expect([streamed.status, streamed.body.error]).toEqual([413, "invalid_request"]);
      expect(pulled).toBeLessThan(30);
      expect(streamed.headers.get("cache-control")).toBe("no-store");
    },
  );

  it.each([
    ["text/plain", "text/plain"],
    ["multipart/form-data", "multipart/form-data; boundary=x"],
    ["no content type", undefined],
    ["a form type with a suffix", "application/x-www-form-urlencodedx"],
  ])("refuses %s with 400 invalid_request on every form endpoint (RFC 6749 §3.2)", async (_, type) => {
    for (const endpoint of ["token", "revoke", "introspect"] as const) {
      const res = await answer(
        await raw(endpoint, "grant_type=refresh_token&refresh_token=x&token=x", type ? { "content-type": type } : {}),
      );
      expect([res.status, res.body.error], endpoint).toEqual([400, "invalid_request"]);
    }
  });

  it("refuses GET on every form endpoint with invalid_request", async () => {
    for (const endpoint of ["token", "revoke", "introspect"] as const) {
      const res = await answer(await raw(endpoint, null, {}, "GET"));
      expect([res.status, res.body.error], endpoint).toEqual([400, "invalid_request"]);
    }
  });

  it.each([
    [
      "code",
      (code: string) =>
        `grant_type=authorization_code&code=${code}&code=${code}&redirect_uri=${encodeURIComponent(app.redirectUri)}&code_verifier=${VERIFIER}`,
    ],
    [
      "code_verifier",
      (code: string) =>
        `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent(app.redirectUri)}&code_verifier=${VERIFIER}&code_verifier=${"B".repeat(43)}`,
    ],
    [
      "redirect_uri",
      (code: string) =>
        `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent(app.redirectUri)}&redirect_uri=x&code_verifier=${VERIFIER}`,
    ],
    [
      "client_id",
      (code: string) =>
        `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent(app.redirectUri)}&code_verifier=${VERIFIER}&client_id=${app.clientId}&client_id=${other.clientId}`,
    ],
  ])("refuses a repeated %s with invalid_request, and the code stays usable (RFC 6749 §3.2)", async (_, body) => {
    const code = await codeFor(db().db, app, "alice@acme");
    const res = await answer(await raw("token", body(code), { "content-type": "application/x-www-form-urlencoded" }));
    expect([res.status, res.body.error]).toEqual([400, "invalid_request"]);
    expect((await exchange(app, code)).status).toBe(200);
  });

  it("refuses a repeated token on revocation and introspection, and revokes nothing", async () => {
    const t = await exchange(app, await codeFor(db().db, app, "alice@acme"));
    const access = t.body.access_token as string;
    for (const endpoint of ["revoke", "introspect"] as const) {
      const res = await answer(
        await raw(endpoint, `token=${access}&token=${access}`, { "content-type": "application/x-www-form-urlencoded" }),
      );
      expect([res.status, res.body.error], endpoint).toEqual([400, "invalid_request"]);
    }
    expect(await userinfoStatus(access)).toBe(200);
  });
});
