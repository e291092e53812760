import { describe, expect, it } from "vitest";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { consentDecisionEndpoint } from "@/lib/oauth/consent-decision";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { handlerOf, ISSUER } from "../fixtures/route-cases";

const db = setupSeededDatabase();
const CHUNK = 64 * 1024;

/**
 * Body limits are enforced while reading (issue: five parallel 150 MB bodies took the server from
 * 0.7 GB to 1.7 GB): a declared Content-Length over the limit is refused unread, a streamed body is
 * cancelled where it passes the limit. Every refusal is a 413.
 */
/** 3 MB in 64 KiB chunks, far past every limit (finite so that a reader without a limit fails the test instead of the worker). */
function endless(prefix = "") {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled += 1;
      if (state.pulled > 48) return controller.close();
      controller.enqueue(
        new TextEncoder().encode(state.pulled === 1 ? prefix + "x".repeat(CHUNK - prefix.length) : "x".repeat(CHUNK)),
      );
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

type Target = {
  name: string;
  limit: number;
  call: (body: BodyInit, headers: Record<string, string>) => Promise<Response>;
};

async function targets(): Promise<Target[]> {
  const { cookie } = await sessionCookieFor(db().db, await principalOf(db().db, "owner@acme"));
  const form = { "content-type": "application/x-www-form-urlencoded" };
  const post = (url: string, body: BodyInit, headers: Record<string, string>) =>
    new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);
  const createGroup = await handlerOf("POST /groups");
  return [
    {
      name: "POST /oauth2/authorize",
      limit: 8 * 1024,
      call: (body, h) => authorizeEndpoint(post(`${ISSUER}/oauth2/authorize`, body, { ...form, cookie, ...h })),
    },
    {
      name: "POST /oauth2/decision",
      limit: 16 * 1024,
      call: (body, h) => consentDecisionEndpoint(post(`${ISSUER}/oauth2/decision`, body, { ...form, cookie, ...h })),
    },
    {
      name: "POST /api/v1/groups",
      limit: 1024 * 1024,
      call: (body, h) =>
        createGroup(
          post(`${ISSUER}/api/v1/groups`, body, { "content-type": "application/json", cookie, origin: ISSUER, ...h }),
          { params: Promise.resolve({}) },
        ),
    },
  ];
}

describe(`request body limits on ${process.env.TEST_DB}`, () => {
  it("authorize, the consent decision and the console API answer a 3 MB streamed body without Content-Length with 413 and stop reading just past their limit", async () => {
    for (const target of await targets()) {
      const { stream, state } = endless(target.name.includes("api") ? '{"name":"' : "response_type=code&");
      const res = await target.call(stream, {});
      expect(res.status, target.name).toBe(413);
      expect(state.cancelled, target.name).toBe(true);
      // At most one chunk past the limit was read (plus what the stream's queue holds).
      expect(state.pulled * CHUNK, target.name).toBeLessThanOrEqual(target.limit + 3 * CHUNK);
    }
  });

  it("a declared Content-Length over the limit is refused with 413 before any of the body is read", async () => {
    for (const target of await targets()) {
      const { stream, state } = endless();
      const res = await target.call(stream, { "content-length": String(target.limit + 1) });
      expect(res.status, target.name).toBe(413);
      expect(state.pulled, target.name).toBeLessThanOrEqual(1); // the stream's own first fill, not a read
    }
  });

  it("the console API answers a 2 MB JSON body with 413 payload_too_large in its usual error body, and accepts one under 1 MiB", async () => {
    const [, , api] = await targets();
    const big = await api!.call(JSON.stringify({ name: "g", description: "d".repeat(2 * 1024 * 1024) }), {});
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: "payload_too_large" });
    const padded = await api!.call(`{"name":"big-ok-${process.pid}"${" ".repeat(512 * 1024)}}`, {});
    expect(padded.status).toBe(201);
  });

  it("the consent decision and authorize answer a too large form with a 413 page", async () => {
    const [authorize, decision] = await targets();
    for (const target of [authorize!, decision!]) {
      const res = await target.call(`request_id=x&pad=${"a".repeat(target.limit)}`, {});
      expect([res.status, res.headers.get("content-type")], target.name).toEqual([413, "text/html; charset=utf-8"]);
      expect(await res.text()).toContain("invalid_request");
    }
  });
});
