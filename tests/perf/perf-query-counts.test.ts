import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { GET as listThirdPartyApps } from "@/app/api/v1/third-party-apps/route";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { introspectionEndpoint } from "@/lib/oauth/introspection-endpoint";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { userinfoEndpoint } from "@/lib/oauth/userinfo-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import {
  codeFor,
  demoClient,
  formRequest,
  installApp,
  userinfoRequest,
  type TestClient,
} from "../fixtures/oauth-fixtures";
import { authorizeQuery } from "../fixtures/authorize-requests";
import { exchangeCode, type Tokens } from "../fixtures/token-requests";
import { setupQueryLog, summarize, type LoggedQuery } from "../fixtures/perf-fixtures";

const db = setupSeededDatabase();
const { count } = setupQueryLog(db);
let app: TestClient;

beforeAll(async () => {
  app = await demoClient(db().db);
});

/** An upper bound per request; the message lists the statements, to show what was added. */
function expectAtMost(queries: LoggedQuery[], bound: number) {
  expect(queries.length, summarize(queries).join("\n")).toBeLessThanOrEqual(bound);
}

const exchange = async (code: string) => (await exchangeCode(app, code)).body as Tokens;

/**
 * Statements per request, counted after one warm-up request. Nothing about the client or the signing
 * key is cached per process (DESIGN.md: no stale per-process cache): the client record (with its
 * secrets, for client authentication) is one statement; the active signing key's kid is read with the
 * code or refresh token. Writes are single statements (their own transactions: no BEGIN/COMMIT).
 */
describe(`queries per hot-path request (no N+1) on ${process.env.TEST_DB}`, () => {
  it("userinfo: one statement (the token lookup reads the policies too)", async () => {
    const tokens = await exchange(await codeFor(db().db, app, "alice@acme"));
    const { result, queries } = await count(() => userinfoEndpoint(userinfoRequest(tokens.access_token)));
    expect(result.status).toBe(200);
    expectAtMost(queries, 1);
  });

  it("userinfo does not grow with the person's groups and policies", async () => {
    const bob = await principalOf(db().db, "bob@acme");
    const groups = await db()
      .db.insert(s.ramGroups)
      .values(Array.from({ length: 25 }, (_, i) => ({ accountId: bob.accountId, name: `perf-group-${i}` })))
      .returning({ id: s.ramGroups.id });
    await db()
      .db.insert(s.groupMembers)
      .values(groups.map((g) => ({ groupId: g.id, userId: bob.userId! })));
    await db()
      .db.insert(s.policyAttachments)
      .values(
        groups.map((g, i) => ({
          accountId: bob.accountId,
          principalType: "group" as const,
          principalId: g.id,
          policyName: i % 2 ? "ReadOnlyAccess" : "AliyunRAMReadOnlyAccess",
        })),
      );
    const tokens = await exchange(await codeFor(db().db, app, "bob@acme"));
    const { result, queries } = await count(() => userinfoEndpoint(userinfoRequest(tokens.access_token)));
    expect(await result.json()).toMatchObject({ policies: ["AliyunRAMReadOnlyAccess", "ReadOnlyAccess"] });
    expectAtMost(queries, 1);
  });

  it("introspection: the client with its secrets and one token lookup", async () => {
    const tokens = await exchange(await codeFor(db().db, app, "alice@acme"));
    await introspectionEndpoint(formRequest("/oauth2/introspect", app, { token: tokens.access_token }));
    const { result, queries } = await count(() =>
      introspectionEndpoint(formRequest("/oauth2/introspect", app, { token: tokens.access_token })),
    );
    expect(await result.json()).toMatchObject({ active: true });
    expectAtMost(queries, 2);
  });

  it("refresh_token exchange: client with secrets; the token with its grant, person and signing kid; one rotation statement", async () => {
    const tokens = await exchange(await codeFor(db().db, app, "alice@acme"));
    const { result, queries } = await count(() =>
      tokenEndpoint(
        formRequest("/oauth2/token", app, { grant_type: "refresh_token", refresh_token: tokens.refresh_token }),
      ),
    );
    expect(result.status).toBe(200);
    expectAtMost(queries, 3);
  });

  it("authorization_code exchange: client with secrets; the code consumed with its person and signing kid; one statement for the grant and its tokens", async () => {
    const code = await codeFor(db().db, app, "alice@acme");
    const { result, queries } = await count(() => exchangeCode(app, code));
    expect(result.status).toBe(200);
    expectAtMost(queries, 3);
  });

  it("silent authorization (installed app, signed-in RAM user → 302 with a code): client, session, installation, code", async () => {
    const alice = await principalOf(db().db, "alice@acme");
    await installApp(db().db, "acme", app.id, ["openid", "profile", "aliuid", "permissions", "/acs/ram"]);
    const { cookie } = await sessionCookieFor(db().db, alice);
    const url = new URL(`http://localhost:3000/oauth2/authorize?${authorizeQuery(app)}`);
    const authorize = () => authorizeEndpoint(new Request(url, { headers: { cookie } }));
    await authorize();
    const { result, queries } = await count(authorize);
    expect(result.status).toBe(302);
    expect(new URL(result.headers.get("location")!).searchParams.get("code")).toBeTruthy();
    expectAtMost(queries, 4);
  });

  it("Third-party Applications API: session, policies, one page with its total, whatever the page size", async () => {
    const admin = await principalOf(db().db, "admin@acme");
    const { cookie } = await sessionCookieFor(db().db, admin);
    const list = (size: number) =>
      listThirdPartyApps(
        new Request(`http://localhost:3000/api/v1/third-party-apps?pageSize=${size}&search=a`, { headers: { cookie } }),
        { params: Promise.resolve({}) },
      );
    const small = await count(() => list(1));
    const large = await count(() => list(100));
    expect(small.result.status).toBe(200);
    expectAtMost(small.queries, 3);
    expect(large.queries.length).toBe(small.queries.length);
  });
});
