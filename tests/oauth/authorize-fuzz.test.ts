import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_CLIENT } from "@/db/seed";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";

const db = setupSeededDatabase();
const ISSUER = "http://localhost:3000";
const RFC_ERRORS = new Set([
  "invalid_request",
  "unauthorized_client",
  "access_denied",
  "unsupported_response_type",
  "invalid_scope",
  "server_error",
  "temporarily_unavailable",
  "login_required",
  "consent_required",
  "interaction_required",
  "account_selection_required",
]);

const R = DEMO_CLIENT.redirectUri; // http://127.0.0.1:8765/callback
const REGISTERED = [R, "http://127.0.0.1:8766/callback"]; // the demo client's and OpenAPI MCP Server's
const redirectVariants = [
  R,
  R.toUpperCase(),
  `${R}/`,
  "http://127.0.0.1:8765/Callback",
  "http://127.0.0.1:8766/callback",
  "http://127.0.0.1/callback",
  "http://user:pw@127.0.0.1:8765/callback",
  `${R}#frag`,
  "http://127.0.0.1:8765/callback/../callback",
  "http://127.0.0.1:8765/./callback",
  "http://127.0.0.1:8765/%63allback",
  `${R}?x=1`,
  "http://localhost:8765/callback",
  "https://127.0.0.1:8765/callback",
  "//127.0.0.1:8765/callback",
  "javascript:alert(1)",
  "",
  " ",
  `${R} `,
  "http://127.0.0.1:8765@evil.example/callback",
  "http://evil.example/?http://127.0.0.1:8765/callback",
];
const junk = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constant("x".repeat(3000)),
  fc.constantFrom(
    "%00",
    "\u0000",
    "\uD800",
    "%E0%A4%A",
    "null",
    "undefined",
    "[]",
    "{}",
    "1e309",
    "-1",
    "S256 ",
    "code id_token",
  ),
);

type Op = [string, string | null | string[]];
const base: Record<string, string> = {
  response_type: "code",
  client_id: DEMO_CLIENT.clientId,
  redirect_uri: R,
  scope: "openid profile",
  state: "s",
  code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
  code_challenge_method: "S256",
};
const keys = [...Object.keys(base), "nonce", "prompt", "response_mode", "unknown_param"];
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.tuple(fc.constantFrom(...keys), fc.constant(null)), // remove
  fc.tuple(fc.constantFrom(...keys), junk), // wrong value
  fc.tuple(fc.constantFrom(...keys), fc.array(junk, { minLength: 2, maxLength: 3 })), // repeated
  fc.tuple(fc.constant("redirect_uri"), fc.constantFrom(...redirectVariants)),
  fc.tuple(fc.constant("response_type"), fc.constantFrom("token", "code token", "CODE", "", "id_token")),
  fc.tuple(
    fc.constant("scope"),
    fc.constantFrom("openid /acs/ram", "openid nonsense", "", "  ", "openid openid", "/acs/mcp-server"),
  ),
  fc.tuple(fc.constant("code_challenge_method"), fc.constantFrom("plain", "s256", "S512", "")),
  fc.tuple(fc.constant("prompt"), fc.constantFrom("none", "login", "none login", "bogus")),
  fc.tuple(fc.constant("client_id"), fc.constantFrom("4000000000000000001", "nope", DEMO_CLIENT.clientId + "0", "")),
);

function build(ops: Op[]): string {
  const p = new Map<string, string[]>(Object.entries(base).map(([k, v]) => [k, [v]]));
  for (const [k, v] of ops) {
    if (v === null) p.delete(k);
    else p.set(k, Array.isArray(v) ? v : [v]);
  }
  const q = new URLSearchParams();
  for (const [k, vs] of p) for (const v of vs) q.append(k, v);
  return `${ISSUER}/oauth2/authorize?${q}`;
}

describe(`authorization endpoint robustness on ${process.env.TEST_DB}`, () => {
  it("answers 1 000 malformed requests without a 500, never redirecting to an unregistered URI", async () => {
    const admin = await principalOf(db().db, "admin@globex");
    const { cookie } = await sessionCookieFor(db().db, admin);
    let redirectsToApp = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 4 }), fc.boolean(), async (ops, signedIn) => {
        const res = await authorizeEndpoint(new Request(build(ops), { headers: signedIn ? { cookie } : {} }));
        expect(res.status).not.toBe(500);
        const location = res.headers.get("location");
        if (res.status === 400) {
          expect(location).toBeNull();
          return;
        }
        expect([302, 303]).toContain(res.status);
        if (location!.startsWith("/")) {
          expect(location).toMatch(/^\/(signin\?callbackUrl=|oauth2\/consent\/)/);
          return;
        }
        // Anything that leaves the console goes to a registered URI of that client, exactly.
        const url = new URL(location!);
        expect(REGISTERED).toContain(`${url.origin}${url.pathname}`);
        expect(url.searchParams.get("iss")).toBe(ISSUER);
        const error = url.searchParams.get("error");
        if (error !== null) expect(RFC_ERRORS.has(error), error).toBe(true);
        redirectsToApp++;
      }),
      { numRuns: 1000 },
    );
    expect(redirectsToApp).toBeGreaterThan(50);
  }, 180_000);
});
