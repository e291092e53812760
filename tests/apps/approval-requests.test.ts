import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { getApprovalStateOf } from "@/lib/apps/approval-state";
import { denyRequest } from "@/lib/apps/deny-request";
import { APPROVAL_REQUEST_LIMIT, requestApproval } from "@/lib/apps/request-approval";
import { AppError } from "@/lib/errors";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { freshPerson, requestableApp } from "../fixtures/approval-fixtures";
import { installIn } from "../fixtures/security-targets";

/** Request approval and Deny (issue 16, item 2): folding, the throttle, the checks, the audit, what the person sees. */
const db = setupSeededDatabase();

const who = (name: string) => principalOf(db().db, name);
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

async function requestersOf(requestId: string) {
  return db()
    .db.select({ label: s.approvalRequesters.label, reason: s.approvalRequesters.reason })
    .from(s.approvalRequesters)
    .where(eq(s.approvalRequesters.requestId, requestId))
    .orderBy(s.approvalRequesters.label);
}

describe(`requests for approval on ${process.env.TEST_DB}`, () => {
  it("repeated requests fold into one pending request per account and application, one requester per person", async () => {
    const app = await requestableApp(db().db);
    const alice = await who("alice@acme");
    const first = await requestApproval({
      actor: alice,
      clientId: app.clientId,
      scopes: ["openid", "profile", "/acs/ram"],
      reason: "Dashboards",
    });
    expect(first.repeated).toBe(false);
    const bob = await requestApproval({
      actor: await who("bob@acme"),
      clientId: app.clientId,
      scopes: ["openid", "aliuid"],
    });
    const again = await requestApproval({ actor: alice, clientId: app.clientId, scopes: ["openid"], reason: "" });
    const role = await requestApproval({
      actor: await who("alice@acme as auditor"),
      clientId: app.clientId,
      scopes: [],
    });
    expect([bob.requestId, again.requestId, role.requestId]).toEqual(Array(3).fill(first.requestId));
    expect(again.repeated).toBe(true);
    const [request] = await db().db.select().from(s.approvalRequests).where(eq(s.approvalRequests.id, first.requestId));
    // Every scope anyone asked for that the app declares; its required scope always.
    expect(request).toMatchObject({ status: "pending", scopes: ["aliuid", "openid", "profile"] });
    // Asking again without a reason keeps the reason given before; a role session is a person of its own.
    expect(await requestersOf(first.requestId)).toEqual([
      { label: "alice@acme.onaliyun.com", reason: "Dashboards" },
      { label: "auditor/alice@acme.onaliyun.com", reason: "" },
      { label: "bob@acme.onaliyun.com", reason: "" },
    ]);
    const audit = await db()
      .db.select({ actor: s.auditEvents.actor, detail: s.auditEvents.detail })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, "RequestApproval"), eq(s.auditEvents.targetId, app.clientId)))
      .orderBy(s.auditEvents.id);
    expect(audit).toHaveLength(4);
    expect(audit[2]!.detail).toMatchObject({ requestId: first.requestId, repeated: true });

    // Another account's people ask in their own request.
    const carol = await requestApproval({
      actor: await who("carol@globex"),
      clientId: app.clientId,
      scopes: ["openid"],
    });
    expect(carol.requestId).not.toBe(first.requestId);
  });

  it("only people who cannot install it ask, only for another account's third-party application that is not installed", async () => {
    const app = await requestableApp(db().db);
    const alice = await who("alice@acme");
    expect(await code(requestApproval({ actor: await who("admin@acme"), clientId: app.clientId, scopes: [] }))).toBe(
      "conflict",
    );
    expect(await code(requestApproval({ actor: await who("owner@acme"), clientId: app.clientId, scopes: [] }))).toBe(
      "conflict",
    );
    expect(await code(requestApproval({ actor: alice, clientId: "4000000000000999999", scopes: [] }))).toBe(
      "not_found",
    );
    const own = await requestableApp(db().db);
    expect(await code(requestApproval({ actor: await who("owner@isv"), clientId: own.clientId, scopes: [] }))).toBe(
      "not_found",
    );
    await installIn(db().db, "acme", app.id);
    expect(await code(requestApproval({ actor: alice, clientId: app.clientId, scopes: [] }))).toBe("conflict");
    expect(
      await code(requestApproval({ actor: alice, clientId: app.clientId, scopes: [], reason: "x".repeat(501) })),
    ).toBe("invalid_input");
    expect(await code(requestApproval({ actor: alice, clientId: app.clientId, scopes: [], reason: "a\u0000b" }))).toBe(
      "invalid_input",
    );
    expect(await db().db.select().from(s.approvalRequests).where(eq(s.approvalRequests.applicationId, app.id))).toEqual(
      [],
    );
  });

  it("is rate-limited per person: over the limit a 429 with the seconds to wait, nothing recorded", async () => {
    const person = await freshPerson(db().db);
    const app = await requestableApp(db().db);
    for (let i = 0; i < APPROVAL_REQUEST_LIMIT.limit; i++)
      await requestApproval({ actor: person, clientId: app.clientId, scopes: [], reason: `try ${i}` });
    const refused = await requestApproval({
      actor: person,
      clientId: app.clientId,
      scopes: [],
      reason: "once more",
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("too_many_requests");
    expect((refused as AppError).details?.retryAfter).toBeGreaterThan(0);
    const [requester] = await db()
      .db.select()
      .from(s.approvalRequesters)
      .where(eq(s.approvalRequesters.subject, person.subject));
    expect(requester!.reason).toBe(`try ${APPROVAL_REQUEST_LIMIT.limit - 1}`);
    // Someone else is not held back by it.
    await requestApproval({ actor: await freshPerson(db().db), clientId: app.clientId, scopes: [] });
  });

  it("Deny records the reason, once; the person sees it, and asking again opens a new request", async () => {
    const app = await requestableApp(db().db);
    const alice = await who("alice@acme");
    const { requestId } = await requestApproval({ actor: alice, clientId: app.clientId, scopes: ["openid"] });
    const admin = await who("admin@acme");
    expect(await code(denyRequest({ actor: admin, requestId, reason: "   " }))).toBe("invalid_input");
    expect(await code(denyRequest({ actor: await who("bob@acme"), requestId, reason: "no" }))).toBe("forbidden");
    expect(await code(denyRequest({ actor: await who("admin@globex"), requestId, reason: "no" }))).toBe("not_found");
    const denied = await denyRequest({ actor: admin, requestId, reason: " Use Insight Dashboard instead. " });
    expect(denied).toMatchObject({ status: "denied", reason: "Use Insight Dashboard instead." });
    expect(await code(denyRequest({ actor: admin, requestId, reason: "again" }))).toBe("conflict");

    const state = { accountId: alice.accountId, applicationId: app.id, subject: alice.subject };
    expect(await getApprovalStateOf(db().db, state)).toMatchObject({
      status: "denied",
      requestId,
      decidedBy: "admin@acme.onaliyun.com",
      reason: "Use Insight Dashboard instead.",
    });
    // Nobody else asked: bob has no request to be told about.
    expect(await getApprovalStateOf(db().db, { ...state, subject: (await who("bob@acme")).subject })).toBeNull();
    const audit = await db()
      .db.select({ detail: s.auditEvents.detail })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, "DenyApplicationRequest"), eq(s.auditEvents.targetId, app.clientId)));
    expect(audit.map((a) => a.detail)).toEqual([
      { requestId, reason: "Use Insight Dashboard instead.", requesters: 1 },
    ]);

    const again = await requestApproval({ actor: alice, clientId: app.clientId, scopes: ["openid"], reason: "Please" });
    expect(again.requestId).not.toBe(requestId);
    expect(await getApprovalStateOf(db().db, state)).toMatchObject({ status: "pending", requestId: again.requestId });
  });
});
