import { describe, expect, it } from "vitest";
import { DEMO_CLIENT } from "@/db/seed";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { consentCsrfToken } from "@/lib/oauth/consent-requests";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { ISSUER, authorizeUrl, authorizeAs, decide, installationCount } from "../fixtures/demo-consent-flow";

/** The authorization request and the consent form: sign-in first, refused requests, Cancel, tampered forms. */
const db = setupSeededDatabase();

describe(`consent and installation on ${process.env.TEST_DB}`, () => {
  it("sends a signed-out person to sign-in, and answers prompt=none with login_required", async () => {
    const res = await authorizeEndpoint(new Request(authorizeUrl()));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/signin\?callbackUrl=%2Foauth2%2Fauthorize%3F/);
    const none = await authorizeEndpoint(new Request(authorizeUrl({ prompt: "none" })));
    const loc = new URL(none.headers.get("location")!);
    expect([
      loc.origin + loc.pathname,
      loc.searchParams.get("error"),
      loc.searchParams.get("state"),
      loc.searchParams.get("iss"),
    ]).toEqual(["http://127.0.0.1:8765/callback", "login_required", "st-123", ISSUER]);
  });

  it("never redirects to an unregistered redirect_uri", async () => {
    for (const bad of [
      `${DEMO_CLIENT.redirectUri}/`,
      DEMO_CLIENT.redirectUri.toUpperCase(),
      "http://127.0.0.1:8766/callback",
      "https://evil.example/cb",
    ]) {
      const { res } = await authorizeAs(db().db, "admin@acme", { redirect_uri: bad });
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
    }
  });

  it("refuses plain PKCE and duplicate parameters with the RFC error code", async () => {
    const plain = await authorizeAs(db().db, "admin@acme", { code_challenge_method: "plain" });
    expect(new URL(plain.location).searchParams.get("error")).toBe("invalid_request");
    const { cookie } = await authorizeAs(db().db, "admin@acme");
    const dup = await authorizeEndpoint(new Request(`${authorizeUrl()}&scope=openid`, { headers: { cookie } }));
    expect(new URL(dup.headers.get("location")!).searchParams.get("error")).toBe("invalid_request");
    const scope = await authorizeAs(db().db, "admin@acme", { scope: "openid /acs/mcp-server" });
    expect(new URL(scope.location).searchParams.get("error")).toBe("invalid_scope");
  });

  it("shows a plain RAM user of an account without the app no consent, and Cancel sends access_denied", async () => {
    const { location, cookie, sid } = await authorizeAs(db().db, "carol@globex");
    expect(location).toMatch(/^\/oauth2\/consent\//);
    const id = location.split("/").pop()!;
    const grant = await decide(cookie, sid, id, [
      ["decision", "grant"],
      ["scope", "openid"],
      ["scope", "profile"],
    ]);
    expect(grant.status).toBe(403);
    expect(await installationCount(db().db, "globex")).toBe(0);
    const cancel = await decide(cookie, sid, id, [["decision", "cancel"]]);
    expect(cancel.status).toBe(303);
    const back = new URL(cancel.headers.get("location")!);
    expect([back.searchParams.get("error"), back.searchParams.get("state"), back.searchParams.get("iss")]).toEqual([
      "access_denied",
      "st-123",
      ISSUER,
    ]);
    expect(await installationCount(db().db, "globex")).toBe(0);
  });

  it("refuses tampered consent forms and stores nothing", async () => {
    const { location, cookie, sid } = await authorizeAs(db().db, "admin@globex");
    const id = location.split("/").pop()!;
    const tries: [number, [string, string][], string?][] = [
      [
        400,
        [
          ["decision", "grant"],
          ["scope", "openid"],
        ],
      ], // required profile dropped
      [
        400,
        [
          ["decision", "grant"],
          ["scope", "openid"],
          ["scope", "profile"],
          ["scope", "/acs/mcp-server"],
        ],
      ], // undeclared
      [
        400,
        [
          ["decision", "grant"],
          ["scope", "openid"],
          ["scope", "profile"],
          ["scope", "/acs/ram"],
        ],
      ], // declared, not requested
      [
        403,
        [
          ["decision", "grant"],
          ["scope", "openid"],
          ["scope", "profile"],
        ],
        "forged-csrf-token",
      ],
    ];
    for (const [status, fields, csrf] of tries) {
      expect((await decide(cookie, sid, id, fields, csrf)).status).toBe(status);
    }
    const other = await sessionCookieFor(db().db, await principalOf(db().db, "admin@globex"));
    expect(
      (
        await decide(
          other.cookie,
          other.sid,
          id,
          [
            ["decision", "grant"],
            ["scope", "openid"],
            ["scope", "profile"],
          ],
          consentCsrfToken(other.sid, id),
        )
      ).status,
    ).toBe(409);
    expect(await installationCount(db().db, "globex")).toBe(0);
  });
});
