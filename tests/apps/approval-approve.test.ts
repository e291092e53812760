import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { countPendingRequests, listApprovalRequests } from "@/lib/apps/approval-queries";
import { approveRequest } from "@/lib/apps/approve-request";
import { denyRequest } from "@/lib/apps/deny-request";
import { requestApproval } from "@/lib/apps/request-approval";
import { AppError } from "@/lib/errors";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { pendingRequest } from "../fixtures/approval-fixtures";
import { accountIdOf, officialApp } from "../fixtures/security-targets";
import { authorize, authorizeUrl, consentPage, decide, grantWith, signedIn } from "../fixtures/consent-flow";
import { createClient } from "../fixtures/oauth-fixtures";

/** Approve (issue 16, item 2): installs through installApp, with the consent screen's checks, in one transaction. */
const db = setupSeededDatabase();

const who = (name: string) => principalOf(db().db, name);
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
const installationOf = async (applicationId: string, alias = "acme") =>
  (
    await db()
      .db.select({ scopes: s.installations.scopes, installedBy: s.installations.installedBy, id: s.installations.id })
      .from(s.installations)
      .where(
        and(
          eq(s.installations.applicationId, applicationId),
          eq(s.installations.accountId, await accountIdOf(db().db, alias)),
        ),
      )
  )[0];
const statusOf = async (requestId: string) =>
  (await db().db.select().from(s.approvalRequests).where(eq(s.approvalRequests.id, requestId)))[0];

describe(`Approve on ${process.env.TEST_DB}`, () => {
  it("installs the required scope and the optional items chosen, marks the request approved, audits both", async () => {
    const { requestId, clientId, applicationId } = await pendingRequest(db().db, "acme", 2);
    const admin = await who("admin@acme");
    // Not asked for (aliuid), not declared (/acs/ram): refused, nothing installed.
    expect(await code(approveRequest({ actor: admin, requestId, scopes: ["aliuid"] }))).toBe("invalid_input");
    expect(await code(approveRequest({ actor: admin, requestId, scopes: ["/acs/ram"] }))).toBe("invalid_input");
    expect(await code(approveRequest({ actor: await who("bob@acme"), requestId }))).toBe("forbidden");
    expect(await code(approveRequest({ actor: await who("alice@acme as auditor"), requestId }))).toBe("forbidden");
    expect(await code(approveRequest({ actor: await who("admin@globex"), requestId }))).toBe("not_found");
    expect(await installationOf(applicationId)).toBeUndefined();

    // The required scope cannot be left out by sending less.
    const approved = await approveRequest({ actor: admin, requestId, scopes: [] });
    expect(approved).toMatchObject({ requestId, clientId, scopes: ["openid"], assigned: 0 });
    expect(await installationOf(applicationId)).toMatchObject({
      scopes: ["openid"],
      installedBy: "admin@acme.onaliyun.com",
    });
    expect(await statusOf(requestId)).toMatchObject({ status: "approved", decidedBy: "admin@acme.onaliyun.com" });
    const audit = await db()
      .db.select({ action: s.auditEvents.action, detail: s.auditEvents.detail })
      .from(s.auditEvents)
      .where(eq(s.auditEvents.targetId, clientId))
      .orderBy(s.auditEvents.id);
    expect(audit).toEqual([
      { action: "InstallApplication", detail: { scopes: ["openid"], approvalRequestId: requestId } },
      { action: "ApproveApplicationRequest", detail: { requestId, scopes: ["openid"], requesters: 2, assigned: 0 } },
    ]);
    expect(await code(approveRequest({ actor: admin, requestId }))).toBe("conflict");
    expect(await code(denyRequest({ actor: admin, requestId, reason: "late" }))).toBe("conflict");
  });

  it("without a choice installs what was asked; two administrators at once: one installation, one approval", async () => {
    const { requestId, applicationId } = await pendingRequest(db().db);
    const [admin, owner] = [await who("admin@acme"), await who("owner@acme")];
    const results = await Promise.all(
      [admin, owner, admin, owner].map((actor) => code(approveRequest({ actor, requestId }))),
    );
    expect(results.sort()).toEqual(["conflict", "conflict", "conflict", "ok"]);
    expect(await installationOf(applicationId)).toMatchObject({ scopes: ["openid", "profile"] });
  });

  it("Approve and a Grant on the consent screen at the same moment: one installation, the request answered, no deadlock", async () => {
    for (let round = 0; round < 3; round++) {
      const app = await createClient(db().db, "WebApp", ["openid", "profile"]);
      const alice = await who("alice@acme");
      const { requestId } = await requestApproval({
        actor: alice,
        clientId: app.clientId,
        scopes: ["openid", "profile"],
      });
      const me = await signedIn(db().db, "owner@acme");
      const consent = await authorize(me, authorizeUrl(app, { scope: "openid profile" }));
      const [approve, grant] = await Promise.all([
        code(approveRequest({ actor: await who("admin@acme"), requestId })),
        decide(me, consent.requestId!, grantWith(["openid", "profile"])),
      ]);
      expect(grant.status, await grant.clone().text()).toBe(303);
      expect(["ok", "conflict"]).toContain(approve);
      expect(await statusOf(requestId)).toMatchObject({ status: "approved" });
      expect(await installationOf(app.id)).toBeDefined();
    }
  });

  it("a Grant on the consent screen answers the account's pending request; the person's stale page then leads on", async () => {
    const app = await createClient(db().db, "WebApp", ["openid", "profile"]);
    const alice = await signedIn(db().db, "alice@acme");
    const asked = await authorize(alice, authorizeUrl(app, { scope: "openid profile" }));
    const { requestId } = await requestApproval({
      actor: await who("alice@acme"),
      clientId: app.clientId,
      scopes: ["openid"],
    });
    const owner = await signedIn(db().db, "owner@acme");
    const consent = await authorize(owner, authorizeUrl(app, { scope: "openid profile" }));
    expect((await decide(owner, consent.requestId!, grantWith(["openid", "profile"]))).status).toBe(303);
    expect(await statusOf(requestId)).toMatchObject({ status: "approved", decidedBy: "owner@acme.example" });
    const page = await consentPage(alice, asked.requestId!);
    expect(page.html).toContain(`${app.clientId}`);
    expect(page.html).toContain("Continue to");
    expect(page.html).toContain("owner@acme.example approved your request");
  });

  it("an official application: the RAM users who asked are assigned, so their flow goes on", async () => {
    const official = await officialApp(db().db, null);
    const actors = [await who("alice@acme"), await who("alice@acme as auditor"), await who("bob@acme")];
    let requestId = "";
    for (const actor of actors)
      ({ requestId } = await requestApproval({ actor, clientId: official.clientId, scopes: [] }));
    const approved = await approveRequest({ actor: await who("owner@acme"), requestId });
    expect(approved.assigned).toBe(2);
    const inst = await installationOf(official.id);
    const assigned = await db().db.select().from(s.assignments).where(eq(s.assignments.installationId, inst!.id));
    expect(assigned.map((a) => a.principalId).sort()).toEqual([actors[0]!.userId, actors[2]!.userId].sort());
  });

  it("lists the account's requests newest first, a keyset page at a time; counts the pending ones", async () => {
    const accountId = await accountIdOf(db().db, "globex");
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await pendingRequest(db().db, "globex", i + 1));
    expect(await countPendingRequests(db().db, accountId)).toBe(5);
    const first = await listApprovalRequests(db().db, accountId, { pageSize: 2 });
    const second = await listApprovalRequests(db().db, accountId, { pageSize: 2, cursor: first.nextCursor! });
    const third = await listApprovalRequests(db().db, accountId, { pageSize: 2, cursor: second.nextCursor! });
    const ids = [...first.items, ...second.items, ...third.items].map((r) => r.id);
    expect(ids).toEqual(made.map((m) => m.requestId).reverse());
    expect(third.nextCursor).toBeNull();
    expect(first.items[0]).toMatchObject({
      requesterCount: 5,
      offer: { required: ["openid"], optional: ["profile"] },
      provider: "isv",
    });
    expect(first.items[0]!.requesters).toHaveLength(3);
    await denyRequest({ actor: await who("admin@globex"), requestId: made[0]!.requestId, reason: "No" });
    const answered = await listApprovalRequests(db().db, accountId, { view: "answered" });
    expect(answered.items.map((r) => [r.id, r.status, r.denyReason])).toEqual([[made[0]!.requestId, "denied", "No"]]);
    expect(await countPendingRequests(db().db, accountId)).toBe(4);
    expect(await code(listApprovalRequests(db().db, accountId, { cursor: "bm90LWEtY3Vyc29y" }))).toBe("invalid_input");
    // Another account sees none of them.
    expect((await listApprovalRequests(db().db, await accountIdOf(db().db, "isv"))).items).toEqual([]);
  });
});
