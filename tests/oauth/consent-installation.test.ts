import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { DEMO_CLIENT } from "@/db/seed";
import { setupSeededDatabase } from "../fixtures/db";
import { ISSUER, authorizeAs, decide, exchange, installationCount, codeScope } from "../fixtures/demo-consent-flow";

/** Grant installs the app for the whole account, once, even when many people grant at the same moment. */
const db = setupSeededDatabase();

describe(`consent and installation on ${process.env.TEST_DB}`, () => {
  it("Grant installs for the whole account; then RAM users and role sessions go straight through with the granted scope only", async () => {
    const { location, cookie, sid } = await authorizeAs(db().db, "admin@acme");
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
    expect(await codeScope(db().db, back.toString())).toBe("openid profile aliuid");
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
      const r = await authorizeAs(db().db, who);
      expect(r.res.status, who).toBe(302);
      expect(r.location.startsWith(DEMO_CLIENT.redirectUri), who).toBe(true);
      // "permissions" was requested but not granted: left out.
      expect(await codeScope(db().db, r.location), who).toBe("openid profile aliuid");
    }
    const none = await authorizeAs(db().db, "alice@acme", { prompt: "none" });
    expect(new URL(none.location).searchParams.get("code")).toBeTruthy();
  });

  it("20 simultaneous grants give one installation and 20 working codes", async () => {
    const pending = [];
    for (let i = 0; i < 20; i++) {
      const r = await authorizeAs(db().db, i % 2 ? "admin@globex" : "owner@globex");
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
    expect(await installationCount(db().db, "globex")).toBe(1);
    const scopes = await Promise.all(results.map((r) => codeScope(db().db, r.headers.get("location")!)));
    expect(scopes).toEqual(Array(20).fill("openid profile"));
    // Every one of the 20 codes works at the token endpoint.
    const exchanges = await Promise.all(
      results.map((r) => exchange(new URL(r.headers.get("location")!).searchParams.get("code")!)),
    );
    expect(exchanges.map((e) => e.status)).toEqual(Array(20).fill(200));
  });
});
