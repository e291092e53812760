import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { DEMO_CLIENT } from "@/db/seed";
import { sha256 } from "@/lib/crypto/tokens";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { consentDecisionEndpoint } from "@/lib/oauth/consent-decision";
import { consentCsrfToken } from "@/lib/oauth/consent-requests";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";

const db = setupSeededDatabase();
const ISSUER = "http://localhost:3000";
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

function authorizeUrl(extra: Record<string, string> = {}) {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: DEMO_CLIENT.clientId,
    redirect_uri: DEMO_CLIENT.redirectUri,
    scope: "openid profile aliuid permissions",
    state: "st-123",
    nonce: "n-1",
    code_challenge: CHALLENGE,
    code_challenge_method: "S256",
    ...extra,
  });
  return `${ISSUER}/oauth2/authorize?${q}`;
}

async function authorizeAs(who: string, extra: Record<string, string> = {}) {
  const p = await principalOf(db().db, who);
  const { cookie, sid } = await sessionCookieFor(db().db, p);
  const res = await authorizeEndpoint(new Request(authorizeUrl(extra), { headers: { cookie } }));
  return { res, cookie, sid, location: res.headers.get("location") ?? "" };
}

async function decide(
  cookie: string,
  sid: string,
  requestId: string,
  fields: [string, string][],
  csrf = consentCsrfToken(sid, requestId),
) {
  const body = new URLSearchParams([["request_id", requestId], ["csrf_token", csrf], ...fields]);
  return consentDecisionEndpoint(
    new Request(`${ISSUER}/oauth2/decision`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body,
    }),
  );
}

/** RFC 7636 Appendix B: the verifier of CHALLENGE. */
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

function exchange(code: string) {
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: DEMO_CLIENT.redirectUri,
    code_verifier: VERIFIER,
    client_id: DEMO_CLIENT.clientId,
    client_secret: DEMO_CLIENT.clientSecret,
  });
  return tokenEndpoint(
    new Request(`${ISSUER}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    }),
  );
}

async function installationCount(alias: string) {
  const [acct] = await db().db.select().from(s.accounts).where(eq(s.accounts.alias, alias));
  const [row] = await db()
    .db.select({ n: count() })
    .from(s.installations)
    .where(eq(s.installations.accountId, acct!.id));
  return row!.n;
}

async function codeScope(location: string) {
  const code = new URL(location).searchParams.get("code")!;
  const [row] = await db()
    .db.select()
    .from(s.authCodes)
    .where(eq(s.authCodes.codeHash, sha256(code)));
  return row?.scope;
}

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
      const { res } = await authorizeAs("admin@acme", { redirect_uri: bad });
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
    }
  });

  it("refuses plain PKCE and duplicate parameters with the RFC error code", async () => {
    const plain = await authorizeAs("admin@acme", { code_challenge_method: "plain" });
    expect(new URL(plain.location).searchParams.get("error")).toBe("invalid_request");
    const { cookie } = await authorizeAs("admin@acme");
    const dup = await authorizeEndpoint(new Request(`${authorizeUrl()}&scope=openid`, { headers: { cookie } }));
    expect(new URL(dup.headers.get("location")!).searchParams.get("error")).toBe("invalid_request");
    const scope = await authorizeAs("admin@acme", { scope: "openid /acs/mcp-server" });
    expect(new URL(scope.location).searchParams.get("error")).toBe("invalid_scope");
  });

  it("shows a plain RAM user of an account without the app no consent, and Cancel sends access_denied", async () => {
    const { location, cookie, sid } = await authorizeAs("carol@globex");
    expect(location).toMatch(/^\/oauth2\/consent\//);
    const id = location.split("/").pop()!;
    const grant = await decide(cookie, sid, id, [
      ["decision", "grant"],
      ["scope", "openid"],
      ["scope", "profile"],
    ]);
    expect(grant.status).toBe(403);
    expect(await installationCount("globex")).toBe(0);
    const cancel = await decide(cookie, sid, id, [["decision", "cancel"]]);
    expect(cancel.status).toBe(303);
    const back = new URL(cancel.headers.get("location")!);
    expect([back.searchParams.get("error"), back.searchParams.get("state"), back.searchParams.get("iss")]).toEqual([
      "access_denied",
      "st-123",
      ISSUER,
    ]);
    expect(await installationCount("globex")).toBe(0);
  });

  it("refuses tampered consent forms and stores nothing", async () => {
    const { location, cookie, sid } = await authorizeAs("admin@globex");
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
    expect(await installationCount("globex")).toBe(0);
  });

  it("Grant installs for the whole account; then RAM users and role sessions go straight through with the granted scope only", async () => {
    const { location, cookie, sid } = await authorizeAs("admin@acme");
    const id = location.split("/").pop()!;
    const res = await decide(cookie, sid, id, [
      ["decision", "grant"],
      ["scope", "openid"],
      ["scope", "profile"],
      ["scope", "aliuid"],
    ]);
    expect(res.status).toBe(303);
    const back = new URL(res.headers.get("location")!);
    expect([back.searchParams.get("state"), back.searchParams.get("iss")]).toEqual(["st-123", ISSUER]);
    expect(await codeScope(back.toString())).toBe("openid profile aliuid");
    const [inst] = await db()
      .db.select()
      .from(s.installations)
      .innerJoin(s.accounts, eq(s.accounts.id, s.installations.accountId))
      .where(eq(s.accounts.alias, "acme"));
    expect(inst!.installations).toMatchObject({
      scopes: ["openid", "profile", "aliuid"],
      source: "consent",
      installedBy: "admin@acme.onaliyun.com",
    });
    const audit = await db()
      .db.select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, "InstallApplication"), eq(s.auditEvents.targetId, DEMO_CLIENT.clientId)));
    expect(audit).toHaveLength(1);

    // Replaying the same submission is refused.
    expect(
      (
        await decide(cookie, sid, id, [
          ["decision", "grant"],
          ["scope", "openid"],
          ["scope", "profile"],
        ])
      ).status,
    ).toBe(409);

    for (const who of ["alice@acme", "bob@acme", "alice@acme as auditor", "owner@acme"]) {
      const r = await authorizeAs(who);
      expect(r.res.status, who).toBe(302);
      expect(r.location.startsWith(DEMO_CLIENT.redirectUri), who).toBe(true);
      // "permissions" was requested but not granted: left out.
      expect(await codeScope(r.location), who).toBe("openid profile aliuid");
    }
    const none = await authorizeAs("alice@acme", { prompt: "none" });
    expect(new URL(none.location).searchParams.get("code")).toBeTruthy();
  });

  it("20 simultaneous grants give one installation and 20 working codes", async () => {
    const pending = [];
    for (let i = 0; i < 20; i++) {
      const r = await authorizeAs(i % 2 ? "admin@globex" : "owner@globex");
      pending.push({ ...r, id: r.location.split("/").pop()! });
    }
    const results = await Promise.all(
      pending.map((p) =>
        decide(p.cookie, p.sid, p.id, [
          ["decision", "grant"],
          ["scope", "openid"],
          ["scope", "profile"],
        ]),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(303));
    expect(await installationCount("globex")).toBe(1);
    const scopes = await Promise.all(results.map((r) => codeScope(r.headers.get("location")!)));
    expect(scopes).toEqual(Array(20).fill("openid profile"));
    // Every one of the 20 codes works at the token endpoint.
    const exchanges = await Promise.all(
      results.map((r) => exchange(new URL(r.headers.get("location")!).searchParams.get("code")!)),
    );
    expect(exchanges.map((e) => e.status)).toEqual(Array(20).fill(200));
  });
});
