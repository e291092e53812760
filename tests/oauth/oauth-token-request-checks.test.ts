import { describe, expect, it } from "vitest";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import { answer, demoClient, postToken } from "../fixtures/oauth-fixtures";

/** The token endpoint's checks of the request itself (body, content type, parameters), before any grant. */
const db = setupSeededDatabase();

describe(`token endpoint: request checks on ${process.env.TEST_DB}`, () => {
  const raw = (body: string, contentType = "application/x-www-form-urlencoded") =>
    tokenEndpoint(
      new Request("http://localhost:3000/oauth2/token", {
        method: "POST",
        headers: { "content-type": contentType },
        body,
      }),
    );

  it.each([
    {
      what: "a JSON body",
      body: JSON.stringify({ grant_type: "authorization_code" }),
      type: "application/json",
      error: "invalid_request",
    },
    {
      what: "a repeated parameter",
      body: "grant_type=authorization_code&grant_type=refresh_token",
      error: "invalid_request",
    },
    { what: "no grant_type", body: "code=abc", error: "invalid_request" },
    {
      what: "an unsupported grant_type",
      body: "grant_type=password&username=a&password=b",
      error: "unsupported_grant_type",
    },
    {
      what: "a body over 16 KiB",
      body: `grant_type=authorization_code&code=${"a".repeat(17 * 1024)}`,
      error: "invalid_request",
      status: 413,
    },
  ])("refuses $what with $status $error", async ({ body, type, error, status }) => {
    const res = await answer(await raw(body, type));
    expect([res.status, res.body.error]).toEqual([status ?? 400, error]);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a missing code with invalid_request", async () => {
    const app = await demoClient(db().db);
    const res = await postToken(app, { grant_type: "authorization_code", redirect_uri: app.redirectUri });
    expect([res.status, res.body.error]).toEqual([400, "invalid_request"]);
  });
});
