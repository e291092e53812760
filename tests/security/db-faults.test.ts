import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openPostgres, setHandleForTests, type Handle } from "@/db/client";
import * as s from "@/db/schema";
import { DEMO_CLIENT, seed } from "@/db/seed";
import { signInEndpoint } from "@/lib/auth/sign-in";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { userinfoEndpoint } from "@/lib/oauth/userinfo-endpoint";
import { ADMIN_PG_URL, createTestDatabase, type TestDb } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { answer, demoClient, formRequest, userinfoRequest } from "../fixtures/oauth-fixtures";
import { authorizeQuery, grantConsent } from "../fixtures/authorize-requests";
import { FaultProxy } from "../fixtures/pg-fault-proxy";
import { ISSUER, send } from "../fixtures/route-cases";
import { accountIdOf, installedThirdParty } from "../fixtures/security-targets";
import { issueTokens, liveTokens, rawToken } from "../fixtures/third-party-apps-fixtures";

/**
 * PostgreSQL going away in the middle of a grant or a delete: the request answers 503 with
 * Retry-After (a page for the consent form, JSON for the API, temporarily_unavailable for OAuth),
 * nothing is half-written, and the same process serves again once the database is back (the pg
 * pool reconnects). The console's own pool goes through a FaultProxy; checks read the database directly.
 */
describe.skipIf(process.env.TEST_DB !== "postgres")("database faults on postgres", () => {
  let direct: TestDb;
  let proxied: Handle;
  let proxy: FaultProxy;
  const logged: string[] = [];
  const d = () => direct.db;

  beforeAll(async () => {
    direct = await createTestDatabase();
    await seed(direct.db);
    const name = (
      (await direct.db.execute(sql`select current_database() as n`)) as unknown as { rows: { n: string }[] }
    ).rows[0]!.n;
    const admin = new URL(ADMIN_PG_URL);
    proxy = await FaultProxy.start({ host: admin.hostname, port: Number(admin.port || 5432) });
    const url = new URL(ADMIN_PG_URL);
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${name}`;
    proxied = await openPostgres(url.toString(), 5);
    setHandleForTests(proxied);
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await proxied?.close();
    await proxy?.close();
    await direct?.dispose();
  });

  const adminOf = async (who: string) => ({
    cookie: (await sessionCookieFor(d(), await principalOf(d(), who))).cookie,
    origin: ISSUER,
  });
  const audits = async (action: string) =>
    (await d().select({ n: count() }).from(s.auditEvents).where(eq(s.auditEvents.action, action)))[0]!.n;

  it("a grant cut off mid-transaction: a 503 page with Retry-After, nothing written; the same form works once the database is back", async () => {
    const p = await principalOf(d(), "admin@globex");
    const session = await sessionCookieFor(d(), p);
    const { cookie } = session;
    const q = authorizeQuery(DEMO_CLIENT, { state: "s1" });
    const started = await authorizeEndpoint(new Request(`${ISSUER}/oauth2/authorize?${q}`, { headers: { cookie } }));
    const requestId = started.headers.get("location")!.split("/").pop()!;
    const decide = () => grantConsent(session, requestId);
    proxy.cutOn('insert into "installations"');
    const cut = await decide();
    expect(proxy.tripped).toBe(true);
    expect(cut.status).toBe(503);
    expect(cut.headers.get("retry-after")).toBe("5");
    expect(await cut.text()).toContain("temporarily_unavailable");
    const globex = await accountIdOf(d(), "globex");
    expect(await d().select().from(s.installations).where(eq(s.installations.accountId, globex))).toEqual([]);
    expect(
      (
        await d()
          .select({ usedAt: s.consentRequests.usedAt })
          .from(s.consentRequests)
          .where(eq(s.consentRequests.id, requestId))
      )[0]!.usedAt,
    ).toBeNull();
    expect(await audits("InstallApplication")).toBe(0);
    expect(await d().select().from(s.authCodes).where(eq(s.authCodes.accountId, globex))).toEqual([]);

    // Still down: refused connections are a 503 too, also on the authorization endpoint.
    expect((await decide()).status).toBe(503);
    expect(
      (await authorizeEndpoint(new Request(`${ISSUER}/oauth2/authorize?${q}`, { headers: { cookie } }))).status,
    ).toBe(503);

    await proxy.resume();
    const granted = await decide();
    expect(granted.status).toBe(303);
    expect(new URL(granted.headers.get("location")!).searchParams.get("code")).toBeTruthy();
    expect(await d().select().from(s.installations).where(eq(s.installations.accountId, globex))).toHaveLength(1);
    expect(await audits("InstallApplication")).toBe(1);
  });

  it("Delete Application cut off mid-transaction: 503 + Retry-After, the installation and its tokens intact; OAuth answers temporarily_unavailable, sign-in 503; then the delete works", async () => {
    const app = await installedThirdParty(d(), "acme");
    const grantId = await issueTokens(d(), {
      account: "acme",
      applicationId: app.id,
      installationId: app.installationId,
      tokens: 3,
    });
    const headers = await adminOf("admin@acme");
    const del = () => send("DELETE /third-party-apps/[clientId]", { params: { clientId: app.clientId } }, headers);

    proxy.cutOn('delete from "installations"');
    const cut = await del();
    expect(proxy.tripped).toBe(true);
    expect([cut.status, cut.headers.get("retry-after"), ((await cut.json()) as { error: string }).error]).toEqual([
      503,
      "5",
      "unavailable",
    ]);
    expect(await liveTokens(d(), app.installationId)).toEqual({ access: 3, refresh: 3 });
    expect(await audits("DeleteApplication")).toBe(0);

    const demo = await demoClient(d());
    const refresh = await answer(
      await tokenEndpoint(
        formRequest("/oauth2/token", demo, { grant_type: "refresh_token", refresh_token: "whatever" }),
      ),
    );
    expect([refresh.status, refresh.body.error, refresh.headers.get("retry-after")]).toEqual([
      503,
      "temporarily_unavailable",
      "5",
    ]);
    expect((await userinfoEndpoint(userinfoRequest(rawToken("access", grantId, 1)))).status).toBe(503);
    expect((await send("GET /third-party-apps", { params: {} }, headers)).status).toBe(503);
    const signIn = await signInEndpoint(
      new Request(`${ISSUER}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "login=bob%40acme.onaliyun.com&password=x",
      }),
    );
    expect([signIn.status, signIn.headers.get("retry-after")]).toEqual([503, "5"]);
    expect(((await signIn.json()) as { error: string }).error).toBe("Unavailable");

    await proxy.resume();
    expect((await del()).status).toBe(204);
    expect(await liveTokens(d(), app.installationId)).toEqual({ access: 0, refresh: 0 });
    expect(await audits("DeleteApplication")).toBe(1);
  });

  it("a backend terminated by the server while it waits (57P01): 503, nothing written; the next request succeeds on a new connection", async () => {
    const app = await installedThirdParty(d(), "acme");
    const headers = await adminOf("owner@acme");
    const holder = await direct.pool!.connect();
    try {
      await holder.query("begin");
      await holder.query("select id from installations where id = $1 for update", [app.installationId]);
      const pending = send("DELETE /third-party-apps/[clientId]", { params: { clientId: app.clientId } }, headers);
      let pids: number[] = [];
      for (let i = 0; i < 200 && pids.length === 0; i++) {
        const r = await holder.query<{ pid: number }>(
          "select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
        );
        pids = r.rows.map((x) => x.pid);
        if (!pids.length) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(pids).toHaveLength(1);
      await holder.query("select pg_terminate_backend($1)", [pids[0]]);
      const res = await pending;
      expect([res.status, res.headers.get("retry-after")]).toEqual([503, "5"]);
    } finally {
      await holder.query("rollback");
      holder.release();
    }
    expect(await d().select().from(s.installations).where(eq(s.installations.id, app.installationId))).toHaveLength(1);
    expect(
      (await send("DELETE /third-party-apps/[clientId]", { params: { clientId: app.clientId } }, headers)).status,
    ).toBe(204);
    expect(
      await d()
        .select()
        .from(s.installations)
        .where(and(eq(s.installations.id, app.installationId))),
    ).toEqual([]);
  });

  it("logged nothing secret while failing: no query parameters, hashes or tokens", () => {
    for (const line of logged) {
      expect(line).not.toMatch(/params:|scrypt\$|token_hash|secret_hash|password_hash/);
    }
  });
});
