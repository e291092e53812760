import { afterEach, describe, expect, it, vi } from "vitest";
import { DEMO_CLIENT } from "@/db/seed";
import { MAX_LOG_LINE } from "@/lib/http/log";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { consentDecisionEndpoint } from "@/lib/oauth/consent-decision";
import { consentPageEndpoint } from "@/lib/oauth/consent-page";
import { introspectionEndpoint } from "@/lib/oauth/introspection-endpoint";
import { revocationEndpoint } from "@/lib/oauth/revocation-endpoint";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import { callerHeaders, handlerOf, ISSUER } from "../fixtures/route-cases";

const db = setupSeededDatabase();
const MARKER = "LOGMARKER-91c2";
const BIG = MARKER.repeat(360_000); // about 5 MB

/**
 * Issue: a sign-in with a 5 MB login added 5 MB to the server log. Whatever the protocol endpoints
 * and the console API are sent (huge parameters, malformed input that makes them fail), no log line
 * is longer than MAX_LOG_LINE and none carries what was sent.
 */
describe(`logs carry no request data on ${process.env.TEST_DB}`, () => {
  afterEach(() => vi.restoreAllMocks());

  it("5 MB parameters and malformed input on every protocol endpoint and the console API log nothing of them", async () => {
    const owner = await callerHeaders(db().db, "owner", { bearer: "", narrow: "" });
    const lines: string[] = [];
    const keep = (...args: unknown[]) =>
      void lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(" "));
    for (const level of ["error", "warn", "log", "info", "debug"] as const)
      vi.spyOn(console, level).mockImplementation(keep);
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (keep(String(chunk)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (keep(String(chunk)), true));

    const form = (url: string, body: string, headers: Record<string, string> = {}) =>
      new Request(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body,
      });
    const q = (extra: Record<string, string>) =>
      new URLSearchParams({
        response_type: "code",
        client_id: DEMO_CLIENT.clientId,
        redirect_uri: DEMO_CLIENT.redirectUri,
        scope: "openid",
        ...extra,
      });
    const statuses: number[] = [];
    const run = async (r: Promise<Response>) => {
      const res = await r;
      statuses.push(res.status);
      await res.text();
    };

    await run(authorizeEndpoint(new Request(`${ISSUER}/oauth2/authorize?${q({ state: BIG })}`)));
    await run(
      authorizeEndpoint(
        new Request(`${ISSUER}/oauth2/authorize?${q({ state: `${MARKER}\u0000`, client_id: `${MARKER}%zz` })}`),
      ),
    );
    await run(authorizeEndpoint(form(`${ISSUER}/oauth2/authorize`, q({ login_hint: BIG }).toString())));
    await run(
      authorizeEndpoint(
        new Request(`${ISSUER}/oauth2/authorize?${q({})}`, {
          headers: { cookie: `next-auth.session-token=%${MARKER}%zz` },
        }),
      ),
    );
    await run(consentPageEndpoint(new Request(`${ISSUER}/oauth2/consent/${MARKER}%00%zz`)));
    await run(consentDecisionEndpoint(form(`${ISSUER}/oauth2/decision`, `request_id=${BIG}`)));
    await run(
      consentDecisionEndpoint(
        form(`${ISSUER}/oauth2/decision`, `request_id=${MARKER}%00&decision=grant`, { cookie: owner.cookie! }),
      ),
    );
    for (const endpoint of [tokenEndpoint, revocationEndpoint, introspectionEndpoint]) {
      await run(endpoint(form(`${ISSUER}/oauth2/token`, `grant_type=authorization_code&code=${BIG}`)));
      await run(
        endpoint(
          form(
            `${ISSUER}/oauth2/token`,
            `grant_type=authorization_code&code=${MARKER}%00&token=${MARKER}&client_id=${MARKER}`,
          ),
        ),
      );
    }
    const createGroup = await handlerOf("POST /groups");
    const api = (body: string) =>
      createGroup(
        new Request(`${ISSUER}/api/v1/groups`, {
          method: "POST",
          headers: { ...owner, "content-type": "application/json" },
          body,
        }),
        { params: Promise.resolve({}) },
      );
    await run(api(JSON.stringify({ name: BIG })));
    await run(api(`{"name":"${MARKER}\\u0000"}`));
    await run(api(`{"name":"${MARKER}`));
    const getGroup = await handlerOf("GET /groups/[groupId]");
    await run(
      getGroup(new Request(`${ISSUER}/api/v1/groups/x`, { headers: owner }), {
        params: Promise.resolve({ groupId: `${MARKER}\u0000` }),
      }),
    );
    await run(
      getGroup(
        new Request(`${ISSUER}/api/v1/groups/x`, { headers: { cookie: `next-auth.session-token=${MARKER}%E0%A4%A` } }),
        { params: Promise.resolve({ groupId: MARKER }) },
      ),
    );

    expect(statuses).not.toContain(500);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(MAX_LOG_LINE);
      expect(line).not.toContain(MARKER);
    }
  }, 120_000);
});
