import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BodyTooLargeError } from "@/lib/http/body-limit";
import { toResponse } from "@/lib/oauth/error-response";
import { bearerError, bearerRequired, OAuthError } from "@/lib/oauth/oauth-error";

const outage = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const answer = async (res: Response) => ({
  status: res.status,
  type: res.headers.get("content-type"),
  retryAfter: res.headers.get("retry-after"),
  challenge: res.headers.get("www-authenticate"),
  body: res.headers.get("content-type")?.startsWith("application/json") ? await res.json() : await res.text(),
});

/** One mapping, three transports: the same error is the answer each transport's clients expect. */
describe("toResponse", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a body over its limit with 413 in every transport", async () => {
    const big = new BodyTooLargeError(1024 * 1024);
    expect(await answer(toResponse(big, "api"))).toMatchObject({
      status: 413,
      body: { error: "payload_too_large", message: "The request body is too large (at most 1 MiB)." },
    });
    expect(await answer(toResponse(big, "oauth"))).toMatchObject({
      status: 413,
      body: { error: "invalid_request", error_description: "The request body is too large." },
    });
    const page = await answer(toResponse(big, "page"));
    expect([page.status, page.type]).toEqual([413, "text/html; charset=utf-8"]);
  });

  it("answers a database outage with 503 and Retry-After in every transport", async () => {
    expect(await answer(toResponse(outage, "api"))).toMatchObject({
      status: 503,
      retryAfter: "5",
      body: { error: "unavailable" },
    });
    expect(await answer(toResponse(outage, "oauth"))).toMatchObject({
      status: 503,
      retryAfter: "5",
      body: { error: "temporarily_unavailable" },
    });
    const page = await answer(toResponse(outage, "page"));
    expect([page.status, page.retryAfter, page.body]).toEqual([
      503,
      "5",
      expect.stringContaining("temporarily_unavailable"),
    ]);
  });

  it("gives a bearer-token refusal of the console API its RFC 6750 status and challenge in the API's error body", async () => {
    const scope = bearerError("insufficient_scope", "The access token lacks the /acs/ram scope.", "/acs/ram");
    expect(await answer(toResponse(scope, "api"))).toMatchObject({
      status: 403,
      challenge:
        'Bearer realm="oauth2", error="insufficient_scope", error_description="The access token lacks the /acs/ram scope.", scope="/acs/ram"',
      body: { error: "insufficient_scope", message: "The access token lacks the /acs/ram scope." },
    });
    const none = bearerRequired("Use a Bearer access token or sign in to the console.");
    expect(await answer(toResponse(none, "api"))).toMatchObject({
      status: 401,
      challenge: 'Bearer realm="oauth2"',
      body: { error: "unauthorized" },
    });
  });

  it("answers a request without a bearer token at an OAuth endpoint with the bare challenge and no body (RFC 6750 §3.1)", async () => {
    const res = toResponse(bearerRequired("Send an access token."), "oauth");
    expect([
      res.status,
      res.headers.get("www-authenticate"),
      res.headers.get("cache-control"),
      await res.text(),
    ]).toEqual([401, 'Bearer realm="oauth2"', "no-store", ""]);
  });

  it("keeps domain errors out of the protocol: an AppError at an OAuth endpoint is a server_error", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await answer(toResponse(new AppError("not_found", "x"), "oauth"))).toMatchObject({
      status: 500,
      body: { error: "server_error" },
    });
    expect(await answer(toResponse(new AppError("conflict", "Taken.", { field: "name" }), "api"))).toMatchObject({
      status: 409,
      body: { error: "conflict", message: "Taken.", details: { field: "name" } },
    });
    expect(
      await answer(toResponse(new AppError("too_many_requests", "Slow down.", { retryAfter: 60 }), "api")),
    ).toMatchObject({ status: 429, retryAfter: "60" });
  });

  it("answers invalid input with 422 and the reasons at the console API", async () => {
    const parsed = z.object({ name: z.string() }).safeParse({});
    expect(await answer(toResponse(parsed.error, "api"))).toMatchObject({
      status: 422,
      body: { error: "invalid_input", details: { issues: [{ path: "name" }] } },
    });
    expect(new OAuthError("invalid_grant", "x").status).toBe(400);
  });
});
