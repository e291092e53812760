import { describe, expect, it } from "vitest";
import { setupSeededDatabase } from "../fixtures/db";
import { answer, codeFor, userinfoStatus } from "../fixtures/oauth-fixtures";
import { rawFormRequest } from "../fixtures/form-endpoints";
import { exchangeCode, setupTestClients } from "../fixtures/token-requests";

/**
 * Bodies refused on every form endpoint (token, revocation, introspection): too large (declared or
 * streamed), of another content type, by GET, or with a repeated token.
 */
const db = setupSeededDatabase();
const clients = setupTestClients(db);

/** Read in full, this body would answer invalid_grant (token) or 200 (revoke, introspect): a 400 invalid_request means it was refused for its size. */
const VALID_IF_READ = "grant_type=refresh_token&refresh_token=x&token=x&";

describe(`token endpoint attacks on ${process.env.TEST_DB}`, () => {
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
        await rawFormRequest(endpoint, clients.app, VALID_IF_READ, {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": String(17 * 1024),
        }),
      );
      expect([declared.status, declared.body.error]).toEqual([413, "invalid_request"]);
      const streamed = await answer(
        await rawFormRequest(endpoint, clients.app, stream, { "content-type": "application/x-www-form-urlencoded" }),
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
        await rawFormRequest(
          endpoint,
          clients.app,
          "grant_type=refresh_token&refresh_token=x&token=x",
          type ? { "content-type": type } : {},
        ),
      );
      expect([res.status, res.body.error], endpoint).toEqual([400, "invalid_request"]);
    }
  });

  it("refuses GET on every form endpoint with invalid_request", async () => {
    for (const endpoint of ["token", "revoke", "introspect"] as const) {
      const res = await answer(await rawFormRequest(endpoint, clients.app, null, {}, "GET"));
      expect([res.status, res.body.error], endpoint).toEqual([400, "invalid_request"]);
    }
  });

  it("refuses a repeated token on revocation and introspection, and revokes nothing", async () => {
    const t = await exchangeCode(clients.app, await codeFor(db().db, clients.app, "alice@acme"));
    const access = t.body.access_token as string;
    for (const endpoint of ["revoke", "introspect"] as const) {
      const res = await answer(
        await rawFormRequest(endpoint, clients.app, `token=${access}&token=${access}`, {
          "content-type": "application/x-www-form-urlencoded",
        }),
      );
      expect([res.status, res.body.error], endpoint).toEqual([400, "invalid_request"]);
    }
    expect(await userinfoStatus(access)).toBe(200);
  });
});
