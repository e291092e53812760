import { and, eq, like, sql } from "drizzle-orm";
import * as s from "@/db/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getInstallationDetails, listInstallations } from "@/lib/apps/installation-queries";
import { getPendingConsentRequest } from "@/lib/oauth/consent-requests";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { introspectionEndpoint } from "@/lib/oauth/introspection-endpoint";
import { tokenEndpoint } from "@/lib/oauth/token-endpoint";
import { userinfoEndpoint } from "@/lib/oauth/userinfo-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { codeFor, demoClient, formRequest, installApp, userinfoRequest } from "../fixtures/oauth-fixtures";
import { setupQueryLog, type LoggedQuery } from "../fixtures/perf-fixtures";
import { explain, fillTables, LOOKUPS, type PlanNode } from "../fixtures/perf-explain-data";
import { authorizeQuery } from "../fixtures/authorize-requests";
import { exchangeCode } from "../fixtures/token-requests";

const db = setupSeededDatabase();
const { count } = setupQueryLog(db);
const captured: LoggedQuery[] = [];
const record = async (fn: () => Promise<unknown>) => captured.push(...(await count(fn)).queries);

/**
 * The hot paths' real statements (captured from the endpoints through drizzle's logger), explained
 * on tables of 20 000+ rows after ANALYZE, without disabling sequential scans: the planner picks the
 * index because it is the cheapest plan, as it will in production.
 */
beforeAll(async () => {
  const app = await demoClient(db().db);
  const acmeInstallation = await installApp(db().db, "acme", app.id, [
    "openid",
    "profile",
    "aliuid",
    "permissions",
    "/acs/ram",
  ]);
  const admin = await principalOf(db().db, "admin@acme");
  const { cookie, sid } = await sessionCookieFor(db().db, admin);
  await fillTables(db().db, { accountId: admin.accountId, sessionId: sid, installationId: acmeInstallation });
  await db().db.execute(sql`analyze`);

  const code = await codeFor(db().db, app, "alice@acme");
  const form = (path: string, params: Record<string, string>) => formRequest(path, app, params);
  let tokens: { access_token: string; refresh_token: string } = { access_token: "", refresh_token: "" };
  await record(async () => {
    tokens = (await exchangeCode(app, code)).body as typeof tokens;
  });
  await record(() => userinfoEndpoint(userinfoRequest(tokens.access_token)));
  await record(() =>
    introspectionEndpoint(
      form("/oauth2/introspect", { token: tokens.refresh_token, token_type_hint: "refresh_token" }),
    ),
  );
  await record(() =>
    tokenEndpoint(form("/oauth2/token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token })),
  );
  const authorize = new URL("http://localhost:3000/oauth2/authorize");
  authorize.search = authorizeQuery(app, { scope: "openid" }).toString();
  await record(() => authorizeEndpoint(new Request(authorize, { headers: { cookie } })));
  const handle = await getDb();
  await record(() => getPendingConsentRequest(handle, "perf-consent-777", sid));
  const [installed] = await db()
    .db.select({ clientId: s.applications.clientId })
    .from(s.installations)
    .innerJoin(s.applications, eq(s.applications.id, s.installations.applicationId))
    .where(and(eq(s.installations.accountId, admin.accountId), like(s.applications.clientId, "perf-app-%")))
    .limit(1);
  await record(() => getInstallationDetails(handle, admin.accountId, installed!.clientId));
  await record(() => listInstallations(handle, admin.accountId, { page: 40 }));
  await record(() => listInstallations(handle, admin.accountId, { search: "Perf App 12", sort: "updatedAt" }));
  // Past the last page no row carries the total: only then is it counted on its own.
  await record(() => listInstallations(handle, admin.accountId, { page: 9999 }));
}, 120_000);

const INDEX_NODES = new Set(["Index Scan", "Index Only Scan", "Bitmap Index Scan"]);
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

describe(`hot-path lookups use their indexes (EXPLAIN on ${process.env.TEST_DB}, 20 000 rows per table)`, () => {
  it.each(LOOKUPS)("$lookup", async ({ statement, table, index }) => {
    const matches = captured.filter((q) => statement.test(flat(q.sql)));
    expect(matches.length, `no captured statement matches ${statement}`).toBeGreaterThan(0);
    for (const q of matches) {
      const nodes = await explain(db(), q);
      const onTable = nodes.filter((n) => n.relation === table || n.index?.startsWith(`${table}_`));
      const report = `${flat(q.sql)}\n${nodes.map((n) => `${n.type} ${n.relation ?? ""} ${n.index ?? ""}`).join("\n")}`;
      const wanted = ([] as string[]).concat(index);
      expect(
        onTable.some((n: PlanNode) => INDEX_NODES.has(n.type) && wanted.includes(n.index ?? "")),
        report,
      ).toBe(true);
      expect(
        onTable.some((n) => n.type === "Seq Scan"),
        report,
      ).toBe(false);
    }
  });

  it("no token, code, grant or consent statement of the OAuth hot paths scans a large table sequentially", async () => {
    const large = [
      "access_tokens",
      "refresh_tokens",
      "auth_codes",
      "grants",
      "consent_requests",
      "installations",
      "applications",
    ];
    const hot = captured.filter((q) => !/"installations" inner join "applications"|count\(\*\)/.test(q.sql));
    expect(hot.length).toBeGreaterThan(10);
    for (const q of hot) {
      const seq = (await explain(db(), q)).filter((n) => n.type === "Seq Scan" && large.includes(n.relation ?? ""));
      expect(seq, flat(q.sql)).toEqual([]);
    }
  });
});
