import { describe, expect, it } from "vitest";
import { setupSeededDatabase } from "../fixtures/db";
import { answer, codeFor, userinfoStatus, VERIFIER } from "../fixtures/oauth-fixtures";
import { rawFormRequest } from "../fixtures/form-endpoints";
import { exchangeCode, setupTestClients, refreshGrant } from "../fixtures/token-requests";

/**
 * Token endpoint attacks on codes that tests/oauth/oauth-token.test.ts and oauth-refresh.test.ts do not
 * cover: replay of a used code by another client, codes burnt by failed attempts, and repeated parameters.
 * Bodies that are too large or of another type: oauth-form-bodies.test.ts.
 */
const db = setupSeededDatabase();
const clients = setupTestClients(db);

describe(`token endpoint attacks on ${process.env.TEST_DB}`, () => {
  it("code injection: a used code replayed by another client (with its own valid secret) is refused and revokes what the first exchange issued (RFC 6749 §4.1.2)", async () => {
    const code = await codeFor(db().db, clients.app, "alice@acme");
    const first = await exchangeCode(clients.app, code);
    expect(first.status).toBe(200);
    const injected = await exchangeCode(clients.other, code, { redirect_uri: clients.app.redirectUri });
    expect([injected.status, injected.body.error]).toEqual([400, "invalid_grant"]);
    expect(injected.body.access_token).toBeUndefined();
    expect(await userinfoStatus(first.body.access_token as string)).toBe(401);
    const refresh = await refreshGrant(clients.app, first.body.refresh_token as string);
    expect([refresh.status, refresh.body.error]).toEqual([400, "invalid_grant"]);
  });

  it("a code is burnt by a failed attempt: no guessing the PKCE verifier or the redirect_uri (RFC 9700 §4.8, §4.1)", async () => {
    const attempts: Record<string, string>[] = [
      { code_verifier: "A".repeat(43) },
      { redirect_uri: `${clients.app.redirectUri}/x` },
      { code_verifier: "short" },
    ];
    for (const wrong of attempts) {
      const code = await codeFor(db().db, clients.app, "bob@acme");
      const bad = await exchangeCode(clients.app, code, wrong);
      expect([bad.status, bad.body.error]).toEqual([400, "invalid_grant"]);
      const retry = await exchangeCode(clients.app, code);
      expect([retry.status, retry.body.error], JSON.stringify(wrong)).toEqual([400, "invalid_grant"]);
    }
  });

  it("a code is not burnt by a request whose client authentication fails: a stranger can not spoil it", async () => {
    const code = await codeFor(db().db, clients.app, "bob@acme");
    const stranger = await exchangeCode({ ...clients.app, secret: "guess" }, code);
    expect([stranger.status, stranger.body.error]).toEqual([401, "invalid_client"]);
    expect((await exchangeCode(clients.app, code)).status).toBe(200);
  });

  it("refuses a client_id in the body that differs from the Basic credentials (RFC 6749 §2.3)", async () => {
    const code = await codeFor(db().db, clients.app, "bob@acme");
    const res = await answer(
      await rawFormRequest(
        "token",
        clients.app,
        new URLSearchParams({
          grant_type: "authorization_code",
          code,
          redirect_uri: clients.app.redirectUri,
          code_verifier: VERIFIER,
          client_id: clients.other.clientId,
        }).toString(),
        {
          "content-type": "application/x-www-form-urlencoded",
        },
      ),
    );
    expect([res.status, res.body.error]).toEqual([400, "invalid_request"]);
  });

  it.each([
    [
      "code",
      (code: string) =>
        `grant_type=authorization_code&code=${code}&code=${code}&redirect_uri=${encodeURIComponent(clients.app.redirectUri)}&code_verifier=${VERIFIER}`,
    ],
    [
      "code_verifier",
      (code: string) =>
        `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent(clients.app.redirectUri)}&code_verifier=${VERIFIER}&code_verifier=${"B".repeat(43)}`,
    ],
    [
      "redirect_uri",
      (code: string) =>
        `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent(clients.app.redirectUri)}&redirect_uri=x&code_verifier=${VERIFIER}`,
    ],
    [
      "client_id",
      (code: string) =>
        `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent(clients.app.redirectUri)}&code_verifier=${VERIFIER}&client_id=${clients.app.clientId}&client_id=${clients.other.clientId}`,
    ],
  ])("refuses a repeated %s with invalid_request, and the code stays usable (RFC 6749 §3.2)", async (_, body) => {
    const code = await codeFor(db().db, clients.app, "alice@acme");
    const res = await answer(
      await rawFormRequest("token", clients.app, body(code), { "content-type": "application/x-www-form-urlencoded" }),
    );
    expect([res.status, res.body.error]).toEqual([400, "invalid_request"]);
    expect((await exchangeCode(clients.app, code)).status).toBe(200);
  });
});
