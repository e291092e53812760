import { describe, expect, it } from "vitest";
import { setupSeededDatabase } from "../fixtures/db";
import { pendingRequest } from "../fixtures/approval-fixtures";
import { callerHeaders, handlerOf, ISSUER, send, type CallerKind } from "../fixtures/route-cases";

/**
 * The REST API of requests for approval (issue 16, item 2): list pages with a cursor, bad input
 * answered 422 with a readable message in the request's language, nothing changed.
 */
const db = setupSeededDatabase();

async function call(
  key: string,
  who: CallerKind,
  call: { params?: Record<string, string>; body?: unknown },
  extra = {},
) {
  const headers = { ...(await callerHeaders(db().db, who, { bearer: "", narrow: "" })), ...extra };
  const res = await send(key, { params: call.params ?? {}, body: call.body }, headers);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe(`the approval requests API on ${process.env.TEST_DB}`, () => {
  it("GET pages through the account's requests with nextCursor; a bad cursor is a 422 in the request's language", async () => {
    for (let i = 0; i < 3; i++) await pendingRequest(db().db, "globex");
    const list = async (query: string, extra: Record<string, string> = {}) => {
      const headers = { ...(await callerHeaders(db().db, "globex", { bearer: "", narrow: "" })), ...extra };
      const res = await (
        await handlerOf("GET /approval-requests")
      )(new Request(`${ISSUER}/api/v1/approval-requests?${query}`, { headers }), { params: Promise.resolve({}) });
      return { status: res.status, body: (await res.json()) as { items: { id: string }[]; nextCursor: string | null } };
    };
    const first = await list("pageSize=2");
    const second = await list(`pageSize=2&cursor=${first.body.nextCursor}`);
    expect([first.body.items.length, second.body.items.length, second.body.nextCursor]).toEqual([2, 1, null]);
    expect(new Set([...first.body.items, ...second.body.items].map((r) => r.id)).size).toBe(3);
    expect(await list("cursor=bm9wZQ", { "accept-language": "zh-CN" })).toEqual({
      status: 422,
      body: { error: "invalid_input", message: "该分页链接已失效，请从第一页重新开始。" },
    });
    expect((await list("view=everything")).status).toBe(422);
    const { status, body } = await call("GET /approval-requests/[requestId]", "globex", {
      params: { requestId: first.body.items[0]!.id },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "pending", requesterCount: 1, offer: { required: ["openid"] } });
  });

  it("Deny without a reason, Approve with a scope nobody asked for: 422 with a message, in English or Chinese", async () => {
    const { requestId } = await pendingRequest(db().db);
    const deny = await call("POST /approval-requests/[requestId]/deny", "admin", {
      params: { requestId },
      body: { reason: " " },
    });
    expect(deny).toEqual({
      status: 422,
      body: { error: "invalid_input", message: "Enter a reason: the people who asked will see it." },
    });
    const zh = await call(
      "POST /approval-requests/[requestId]/approve",
      "admin",
      { params: { requestId }, body: { scopes: ["/acs/ram"] } },
      { "accept-language": "zh-CN" },
    );
    expect(zh).toEqual({
      status: 422,
      body: { error: "invalid_input", message: "这些授权范围无法在此申请中批准：/acs/ram。" },
    });
    const bad = await call("POST /approval-requests/[requestId]/approve", "admin", {
      params: { requestId },
      body: { scopes: "profile" },
    });
    expect([bad.status, bad.body.error]).toEqual([422, "invalid_input"]);
    // Still pending: the refused calls changed nothing.
    const read = await call("GET /approval-requests/[requestId]", "admin", { params: { requestId } });
    expect(read.body.status).toBe("pending");
    const approved = await call("POST /approval-requests/[requestId]/approve", "admin", {
      params: { requestId },
      body: {},
    });
    expect(approved).toMatchObject({ status: 200, body: { scopes: ["openid", "profile"] } });
    const again = await call("POST /approval-requests/[requestId]/deny", "admin", {
      params: { requestId },
      body: { reason: "late" },
    });
    expect(again).toEqual({ status: 409, body: { error: "conflict", message: "This request was already approved." } });
  });

  it("an id that is no request here is a 404 like any other", async () => {
    const other = await pendingRequest(db().db, "globex");
    const missing = await call("GET /approval-requests/[requestId]", "admin", {
      params: { requestId: other.requestId },
    });
    expect(missing).toEqual({
      status: 404,
      body: { error: "not_found", message: "No such request for approval in this account." },
    });
    const malformed = await call("GET /approval-requests/[requestId]", "admin", { params: { requestId: "nope" } });
    expect(malformed).toEqual(missing);
  });
});
