import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { getInstallationDetails, listInstallations } from "@/lib/apps/installation-queries";
import {
  readApplication,
  readApplications,
  readAssignments,
  readInstallationDetails,
  readInstallations,
  readOfficialCatalog,
} from "@/lib/apps/reads";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { accountId, createApp, demoApp, install, issueTokens } from "../fixtures/third-party-apps-fixtures";

const db = setupSeededDatabase();
const T0 = Date.parse("2025-03-01T00:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

describe(`Third-party Applications tab on ${process.env.TEST_DB}`, () => {
  let acme: string;
  const installed = new Map<string, { applicationId: string; installationId: string }>();
  beforeAll(async () => {
    const d = db().db;
    acme = await accountId(d, "acme");
    // 25 applications of the isv account installed in acme, created a minute apart, updated in reverse order.
    for (let i = 1; i <= 25; i++) {
      const name = `Report Tool ${String(i).padStart(2, "0")}`;
      const app = await createApp(d, { owner: "isv", name });
      const installationId = await install(d, {
        account: "acme",
        applicationId: app.id,
        scopes: ["openid"],
        createdAt: at(i),
        updatedAt: at(100 - i),
      });
      installed.set(name, { applicationId: app.id, installationId });
    }
    // acme's own application, installed automatically: not a third-party application of acme.
    const own = await createApp(d, { owner: "acme", name: "Report Tool Internal" });
    await install(d, { account: "acme", applicationId: own.id, scopes: ["openid"], createdAt: at(50) });
    // Another account's installation: never visible to acme.
    const other = await createApp(d, { owner: "isv", name: "Report Tool Globex" });
    await install(d, { account: "globex", applicationId: other.id, scopes: ["openid"] });
  });

  it("lists the installed third-party applications, newest first, 20 a page, with a total", async () => {
    const page1 = await listInstallations(db().db, acme);
    expect(page1).toMatchObject({ total: 25, page: 1, pageSize: 20 });
    expect(page1.items).toHaveLength(20);
    expect(page1.items[0]).toEqual({
      clientId: expect.any(String),
      name: "Report Tool 25",
      createdAt: at(25),
      updatedAt: at(75),
      source: "consent",
      people: 0,
      lastUsedAt: null,
    });
    const page2 = await listInstallations(db().db, acme, { page: 2 });
    expect(page2.items.map((i) => i.name)).toEqual([
      "Report Tool 05",
      "Report Tool 04",
      "Report Tool 03",
      "Report Tool 02",
      "Report Tool 01",
    ]);
    const names = [...page1.items, ...page2.items].map((i) => i.name);
    expect(new Set(names).size).toBe(25);
    expect(names).not.toContain("Report Tool Internal");
    expect(names).not.toContain("Report Tool Globex");
  });

  it("shows each installation's People (distinct people with grants) and Last Used (newest grant) in the page itself", async () => {
    const d = db().db;
    const tool = (name: string) => ({ account: "acme", ...installed.get(name)!, tokens: 1 });
    const alice = await principalOf(d, "alice@acme");
    await issueTokens(d, { ...tool("Report Tool 10"), subject: alice.subject });
    await issueTokens(d, { ...tool("Report Tool 10"), subject: alice.subject });
    const last = await issueTokens(d, tool("Report Tool 10"));
    await issueTokens(d, tool("Report Tool 11"));
    const [newest] = await d.select({ createdAt: s.grants.createdAt }).from(s.grants).where(eq(s.grants.id, last));

    const { items } = await listInstallations(d, acme, { search: "Report Tool 1", sort: "createdAt", order: "asc" });
    const usage = Object.fromEntries(items.map((i) => [i.name, [i.people, i.lastUsedAt]]));
    expect(usage["Report Tool 10"]).toEqual([2, newest!.createdAt]);
    expect(usage["Report Tool 11"]).toEqual([1, expect.any(Date)]);
    expect(usage["Report Tool 12"]).toEqual([0, null]);
  });

  it("sorts by either time column, both ways", async () => {
    const byUpdatedAsc = await listInstallations(db().db, acme, { sort: "updatedAt", order: "asc", pageSize: 3 });
    expect(byUpdatedAsc.items.map((i) => [i.name, i.updatedAt])).toEqual([
      ["Report Tool 25", at(75)],
      ["Report Tool 24", at(76)],
      ["Report Tool 23", at(77)],
    ]);
    const byCreatedAsc = await listInstallations(db().db, acme, {
      sort: "createdAt",
      order: "asc",
      pageSize: 2,
      page: 3,
    });
    expect(byCreatedAsc.items.map((i) => i.name)).toEqual(["Report Tool 05", "Report Tool 06"]);
    const byUpdatedDesc = await listInstallations(db().db, acme, { sort: "updatedAt", order: "desc", pageSize: 1 });
    expect(byUpdatedDesc.items[0]!.name).toBe("Report Tool 01");
  });

  it("searches by name or application ID, case-insensitively, with LIKE characters taken literally", async () => {
    const byName = await listInstallations(db().db, acme, { search: "tool 1" });
    expect(byName.total).toBe(10);
    const target = (await listInstallations(db().db, acme, { search: "Report Tool 07" })).items[0]!;
    const byId = await listInstallations(db().db, acme, { search: target.clientId });
    expect(byId.items.map((i) => i.name)).toEqual(["Report Tool 07"]);
    expect((await listInstallations(db().db, acme, { search: "%" })).total).toBe(0);
    expect((await listInstallations(db().db, acme, { search: "Internal" })).total).toBe(0);
    expect(await listInstallations(db().db, acme, { search: "no such app" })).toMatchObject({ items: [], total: 0 });
  });

  it("shows an installation's details: provider, every declared scope required or optional, granted or not, and its use", async () => {
    const d = db().db;
    const app = await demoApp(d);
    const installationId = await install(d, {
      account: "acme",
      applicationId: app.id,
      scopes: ["openid", "profile", "/acs/ram"],
    });
    const alice = await principalOf(d, "alice@acme");
    await issueTokens(d, { account: "acme", applicationId: app.id, installationId, tokens: 1, subject: alice.subject });
    await issueTokens(d, { account: "acme", applicationId: app.id, installationId, tokens: 1, subject: alice.subject });
    const last = await issueTokens(d, { account: "acme", applicationId: app.id, installationId, tokens: 1 });
    const [lastGrant] = await d.select({ createdAt: s.grants.createdAt }).from(s.grants).where(eq(s.grants.id, last));

    const details = await getInstallationDetails(d, acme, app.clientId);
    expect(details).toMatchObject({
      clientId: app.clientId,
      name: "Insight Dashboard",
      provider: "isv",
      type: "WebApp",
      homepageUrl: "http://127.0.0.1:8765/",
      source: "consent",
      installedBy: "admin@acme.onaliyun.com",
      grantedScopes: ["openid", "profile", "/acs/ram"],
      usage: { people: 2, lastUsedAt: lastGrant!.createdAt },
    });
    expect(details!.scopes.map((x) => [x.scope, x.required, x.granted])).toEqual([
      ["openid", true, true],
      ["profile", true, true],
      ["aliuid", false, false],
      ["permissions", false, false],
      ["/acs/ram", false, true],
    ]);
    expect(details!.scopes.find((x) => x.scope === "permissions")!.description).toBe(
      "The RAM policies that apply to you.",
    );
    expect(await getInstallationDetails(d, await accountId(d, "globex"), app.clientId)).toBeNull();
    expect(await getInstallationDetails(d, acme, "no-such-app")).toBeNull();
  });

  it("every applications read checks read permission itself: alice (no read policy) is refused, bob (read-only) reads", async () => {
    const clientId = (await demoApp(db().db)).clientId;
    const reads = (actor: Awaited<ReturnType<typeof principalOf>>) => [
      () => readInstallations({ actor }),
      () => readInstallationDetails({ actor, clientId }),
      () => readApplications({ actor }),
      () => readApplication({ actor, clientId }),
      () => readOfficialCatalog({ actor }),
      () => readAssignments({ actor, clientId: "4000000000000000001", withChoices: true }),
    ];
    for (const read of reads(await principalOf(db().db, "alice@acme")))
      await expect(read()).rejects.toMatchObject({ code: "forbidden" });
    for (const read of reads(await principalOf(db().db, "bob@acme"))) await expect(read()).resolves.toBeDefined();
  });
});
