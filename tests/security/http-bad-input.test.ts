import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_CLIENT } from "@/db/seed";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { consentDecisionEndpoint } from "@/lib/oauth/consent-decision";
import { consentPageEndpoint } from "@/lib/oauth/consent-page";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { handlerOf, ISSUER } from "../fixtures/route-cases";

const db = setupSeededDatabase();
const NAME = "next-auth.session-token";

/** Cookie values a browser or an attacker can send (a header value can not hold NUL, CR or LF). */
const BAD_COOKIES = [
  "%",
  "%zz",
  "%E0%A4%A",
  "%%41",
  "a".repeat(20_000),
  "\u0001\u0002",
  "x\ty",
  "\u007f",
  "%00",
  "%0d%0a",
  "%ED%A0%80",
  "=",
  '"quoted"',
];
const AUTHORIZE = `${ISSUER}/oauth2/authorize?${new URLSearchParams({
  response_type: "code",
  client_id: DEMO_CLIENT.clientId,
  redirect_uri: DEMO_CLIENT.redirectUri,
  scope: "openid profile",
  state: "s",
  code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
  code_challenge_method: "S256",
})}`;

/** The four places that read the console session cookie, each called with `cookie` as the whole Cookie header. */
const surfaces: Record<string, (cookie: string) => Promise<Response>> = {
  "GET /api/v1/session": async (cookie) =>
    (await handlerOf("GET /session"))(new Request(`${ISSUER}/api/v1/session`, { headers: { cookie } }), {
      params: Promise.resolve({}),
    }),
  "GET /oauth2/authorize": (cookie) => authorizeEndpoint(new Request(AUTHORIZE, { headers: { cookie } })),
  "GET /oauth2/consent/{id}": (cookie) =>
    consentPageEndpoint(
      new Request(`${ISSUER}/oauth2/consent/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`, { headers: { cookie } }),
    ),
  "POST /oauth2/decision": (cookie) =>
    consentDecisionEndpoint(
      new Request(`${ISSUER}/oauth2/decision`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: "request_id=x&decision=grant",
      }),
    ),
};
/** What a signed-out caller gets from each. */
const SIGNED_OUT: Record<string, number> = {
  "GET /api/v1/session": 401,
  "GET /oauth2/authorize": 302,
  "GET /oauth2/consent/{id}": 302,
  "POST /oauth2/decision": 401,
};

describe(`bad input never answers 500 on ${process.env.TEST_DB}`, () => {
  it.each(Object.keys(surfaces))(
    "%s: a malformed session cookie is a signed-out caller, never a 500",
    async (surface) => {
      for (const value of BAD_COOKIES) {
        for (const header of [`${NAME}=${value}`, `other=1; ${NAME}=${value}; more=2`, `${value}=${value}`]) {
          const res = await surfaces[surface]!(header);
          expect(res.status, `${surface} ${JSON.stringify(header.slice(0, 60))}`).toBe(SIGNED_OUT[surface]);
          if (res.status === 302) expect(res.headers.get("location")).toMatch(/^\/signin\?callbackUrl=/);
        }
      }
    },
  );

  it("fuzz: 300 random Cookie headers on the API, authorize, the consent page and the decision: never a 500", async () => {
    const headerChar = fc.constantFrom(..."abcAZ09%;=, \t\"'\\/+-_.~\u0001\u007f\u00e9");
    const value = fc.oneof(fc.string({ unit: headerChar, maxLength: 40 }), fc.constantFrom(...BAD_COOKIES));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(surfaces)), value, fc.boolean(), async (surface, v, named) => {
        const res = await surfaces[surface]!(named ? `${NAME}=${v}` : v);
        expect(res.status, `${surface} ${JSON.stringify(v.slice(0, 60))}`).toBe(SIGNED_OUT[surface]);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("a malformed consent request id is a 404 page, signed in or not", async () => {
    const { cookie } = await sessionCookieFor(db().db, await principalOf(db().db, "admin@globex"));
    for (const id of ["%zz", "%E0%A4%A", "a%00b", "%0d%0a", "x".repeat(100), "..%2F..", "a.b", "%2541", "%C0%AF"]) {
      for (const headers of [{ cookie }, {}] as Record<string, string>[]) {
        const res = await consentPageEndpoint(new Request(`${ISSUER}/oauth2/consent/${id}`, { headers }));
        expect([res.status, res.headers.get("content-type")], id).toEqual([404, "text/html; charset=utf-8"]);
      }
    }
  });

  it("a malformed request_id in the consent form (NUL, %-junk, huge) is a 409 page, not a database error", async () => {
    const { cookie } = await sessionCookieFor(db().db, await principalOf(db().db, "admin@globex"));
    for (const id of ["\u0000", "a\u0000b", "%zz", "\uD800", "x".repeat(5000), "' or 1=1--"]) {
      const body = new URLSearchParams({ request_id: id, csrf_token: "x", decision: "grant" });
      const res = await consentDecisionEndpoint(
        new Request(`${ISSUER}/oauth2/decision`, {
          method: "POST",
          headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
          body,
        }),
      );
      expect(res.status, JSON.stringify(id.slice(0, 20))).toBe(409);
    }
  });
});
