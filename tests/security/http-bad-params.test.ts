import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { setupSeededDatabase } from "../fixtures/db";
import { callerHeaders, CASES, handlerOf, ISSUER, routeKeys, send, type Call } from "../fixtures/route-cases";

/** Malformed route parameters, JSON bodies and queries on every console API route: a JSON 4xx, never a 500. */
const db = setupSeededDatabase();

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
