import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { sweepAnsweredApprovals } from "@/lib/sweep/sweep-answered-approvals";
import { pendingRequest } from "../fixtures/approval-fixtures";
import { setupSeededDatabase } from "../fixtures/db";
import { accountIdOf } from "../fixtures/security-targets";

/** Answered requests for approval go when their account's operation logs would (issue 16, item 2); pending ones stay. */
const db = setupSeededDatabase();
const DAY = 86_400_000;

/** A request of `alias`, in `status`, last changed `days` ago. */
async function request(alias: string, status: s.ApprovalStatus, days: number) {
  const { requestId } = await pendingRequest(db().db, alias);
  const when = new Date(Date.now() - days * DAY);
  // updated_at is set by drizzle's $onUpdate on every update: set it in SQL, after the status.
  await db().db.update(s.approvalRequests).set({ status }).where(eq(s.approvalRequests.id, requestId));
  await db().db.execute(sql`update approval_requests set updated_at = ${when.toISOString()} where id = ${requestId}`);
  return requestId;
}

describe(`the sweep of answered requests for approval on ${process.env.TEST_DB}`, () => {
  it("deletes answered requests (and their requesters) older than the account's retention, in batches; never a pending one", async () => {
    const d = db().db;
    await d
      .update(s.accounts)
      .set({ auditRetentionDays: 30 })
      .where(eq(s.accounts.id, await accountIdOf(d, "acme")));
    const old = [
      await request("acme", "approved", 31),
      await request("acme", "denied", 40),
      await request("acme", "denied", 35),
    ];
    const kept = [
      await request("acme", "approved", 29),
      await request("acme", "pending", 400),
      // globex keeps 180 days.
      await request("globex", "denied", 31),
    ];
    const exists = async (ids: string[]) =>
      (
        await d
          .select({ id: s.approvalRequests.id })
          .from(s.approvalRequests)
          .where(inArray(s.approvalRequests.id, ids))
      ).map((r) => r.id);

    expect(await sweepAnsweredApprovals(d, { batch: 2 })).toBe(2);
    expect(await exists(old)).toHaveLength(1);
    expect(await sweepAnsweredApprovals(d, { batch: 2 })).toBe(1);
    expect(await sweepAnsweredApprovals(d)).toBe(0);
    expect(await exists(old)).toEqual([]);
    expect((await exists(kept)).sort()).toEqual([...kept].sort());
    const requesters = await d
      .select({ id: s.approvalRequesters.requestId })
      .from(s.approvalRequesters)
      .where(inArray(s.approvalRequesters.requestId, old));
    expect(requesters).toEqual([]);
  });
});
