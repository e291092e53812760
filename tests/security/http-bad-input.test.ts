import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_CLIENT } from "@/db/seed";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { consentDecisionEndpoint } from "@/lib/oauth/consent-decision";
import { consentPageEndpoint } from "@/lib/oauth/consent-page";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { callerHeaders, CASES, handlerOf, ISSUER, routeKeys, send, type Call } from "../fixtures/route-cases";

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

/** Route parameters no row has: not UUIDs, %-sequences (malformed or not), NUL and control characters, lone surrogates, huge. */
const BAD_PARAMS = [
  "not-a-uuid",
  "%",
  "%zz",
  "%E0%A4%A",
  "%2F..%2F",
  "a\u0000b",
  "\u0000",
  "a\nb",
  "\r",
  "\uD800",
  "x".repeat(5000),
  "..",
  "00000000-0000-0000-0000-00000000000g",
  "' or 1=1--",
  "",
];
const ALLOWED_FOR_BAD_PARAM = new Set([400, 404, 409, 422]);

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

  describe("console API route parameters", () => {
    let owner: Record<string, string>;
    let keys: string[];
    beforeAll(async () => {
      owner = await callerHeaders(db().db, "owner", { bearer: "", narrow: "" });
      keys = (await routeKeys()).filter((k) => k.includes("["));
    });

    /** The call of `key` with one parameter replaced; the other parameters are real rows. */
    async function withParam(key: string, name: string, value: string): Promise<Response> {
      const call: Call = await CASES[key]!(db().db);
      const params = { ...call.params, [name]: value };
      // The URL carries a placeholder: the handler reads its parameters from ctx.params (as Next.js passes them, decoded).
      const request = new Request(`${ISSUER}/api/v1/x`, {
        method: key.split(" ")[0],
        headers: { ...owner, ...(call.body === undefined ? {} : { "content-type": "application/json" }) },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
      return (await handlerOf(key))(request, { params: Promise.resolve(params) });
    }

    it("every route and parameter answers malformed values with a JSON 404/400/422, never a 500", async () => {
      for (const key of keys) {
        const names = Object.keys((await CASES[key]!(db().db)).params);
        for (const name of names) {
          for (const bad of BAD_PARAMS) {
            const res = await withParam(key, name, bad);
            expect(
              ALLOWED_FOR_BAD_PARAM.has(res.status),
              `${key} ${name}=${JSON.stringify(bad.slice(0, 30))}: ${res.status}`,
            ).toBe(true);
            expect(((await res.json()) as { error: string }).error).toMatch(/^(not_found|invalid_input|conflict)$/);
          }
        }
      }
    }, 300_000);

    it("fuzz: 300 random route parameters across all routes: never a 500", async () => {
      const param = fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.string({ unit: "binary", maxLength: 20 }),
        fc.constantFrom(...BAD_PARAMS),
        fc.uuid(),
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...keys), fc.nat(), param, async (key, i, value) => {
          const names = Object.keys((await CASES[key]!(db().db)).params);
          const res = await withParam(key, names[i % names.length]!, value);
          expect(res.status, `${key} ${JSON.stringify(value.slice(0, 30))}`).not.toBe(500);
        }),
        { numRuns: 300 },
      );
    }, 300_000);

    it("NUL and lone surrogates in a JSON body or a query are a 422, not a database error", async () => {
      const createGroup = await CASES["POST /groups"]!(db().db);
      for (const name of ["a\u0000b", "\uD800x"]) {
        const res = await send("POST /groups", { ...createGroup, body: { name } }, owner);
        expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([422, "invalid_input"]);
      }
      const list = await handlerOf("GET /users");
      for (const q of ["%00", "a%00b"]) {
        const res = await list(new Request(`${ISSUER}/api/v1/users?search=${q}&name=${q}&q=${q}`, { headers: owner }), {
          params: Promise.resolve({}),
        });
        expect(res.status, q).toBe(422);
      }
    });
  });
});
