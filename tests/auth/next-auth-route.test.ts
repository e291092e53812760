import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import * as s from "@/db/schema";
import { principalFromSessionToken } from "@/lib/auth/request-session";
import { MAX_LOG_LINE } from "@/lib/http/log";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";

/**
 * Issues: POST /api/auth/signout (next-auth's own route) read a body of any size into memory; a JSON
 * content type made it a 500 that logged the body; a `next-auth.callback-url` cookie of
 * `javascript:…` made the session, CSRF and providers endpoints a 500 that logged the cookie.
 */
const db = setupSeededDatabase();
const ISSUER = "http://localhost:3000";
const MARKER = "NAMARKER-5e1f";
const FORM = "application/x-www-form-urlencoded";
const CHUNK = 64 * 1024;

const ctx = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });
const get = (action: string, headers: Record<string, string> = {}, search = "") =>
  GET(new Request(`${ISSUER}/api/auth/${action}${search}`, { headers }), ctx(action));
const signOut = (body: BodyInit | null, headers: Record<string, string>) =>
  POST(
    new Request(`${ISSUER}/api/auth/signout`, { method: "POST", headers, body, duplex: "half" } as RequestInit),
    ctx("signout"),
  );

/** Every console and stdio line written while `run` runs. */
async function logsOf(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const keep = (...args: unknown[]) =>
    void lines.push(
      args
        .map((a) =>
          a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "object" ? JSON.stringify(a) : String(a),
        )
        .join(" "),
    );
  for (const level of ["error", "warn", "log", "info", "debug"] as const)
    vi.spyOn(console, level).mockImplementation(keep);
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (keep(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (keep(String(chunk)), true));
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
  return lines;
}

function expectClean(lines: string[]) {
  for (const line of lines) {
    expect(line).not.toContain(MARKER);
    expect(line.length).toBeLessThanOrEqual(MAX_LOG_LINE);
  }
}

/** 3 MB in 64 KiB chunks (finite, so that a reader without a limit fails the test instead of the worker). */
function endless() {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled += 1;
      if (state.pulled > 48) return controller.close();
      controller.enqueue(new TextEncoder().encode("x".repeat(CHUNK)));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe(`next-auth's route on ${process.env.TEST_DB}`, () => {
  afterEach(() => vi.restoreAllMocks());

  it("signs out with next-auth's CSRF token: the session ends on the server", async () => {
    const admin = await principalOf(db().db, "admin@globex");
    const { cookie } = await sessionCookieFor(db().db, admin);
    const csrf = await get("csrf");
    expect(csrf.status).toBe(200);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie()[0]!.split(";")[0]!;
    const res = await signOut(new URLSearchParams({ csrfToken, callbackUrl: "/signin", json: "true" }).toString(), {
      "content-type": FORM,
      cookie: `${cookie}; ${csrfCookie}`,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ url: `${ISSUER}/signin` });
    expect(res.headers.getSetCookie().some((c) => /^next-auth\.session-token=;/.test(c))).toBe(true);
    expect(await principalFromSessionToken(cookie.split("=")[1])).toBeNull();
    // The sign-out is in the account's operation logs, once, with the person who signed out.
    const events = await db()
      .db.select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, "SignOut"), eq(s.auditEvents.accountId, admin.accountId)));
    expect(events.map((e) => [e.actor, e.actorType, e.targetType, e.targetId, e.result])).toEqual([
      ["admin@globex.onaliyun.com", "user", "user", admin.userId, "success"],
    ]);
    // A second sign-out with the ended session changes nothing and audits nothing.
    await signOut(new URLSearchParams({ csrfToken, callbackUrl: "/signin", json: "true" }).toString(), {
      "content-type": FORM,
      cookie: `${cookie}; ${csrfCookie}`,
    });
    expect(await db().db.select().from(s.auditEvents).where(eq(s.auditEvents.action, "SignOut"))).toHaveLength(1);
  });

  it("sign-out stops reading past 4 KiB and answers 413, declared or streamed", async () => {
    const streamed = endless();
    const res = await signOut(streamed.stream, { "content-type": FORM });
    expect(res.status).toBe(413);
    expect(streamed.state.cancelled).toBe(true);
    expect(streamed.state.pulled * CHUNK).toBeLessThanOrEqual(4096 + 3 * CHUNK);

    const declared = endless();
    expect((await signOut(declared.stream, { "content-type": FORM, "content-length": String(4097) })).status).toBe(413);
    expect(declared.state.pulled).toBeLessThanOrEqual(1);
  });

  it("sign-out refuses a body that is not a form (JSON, text, none) with 415, never a 500, and logs nothing of it", async () => {
    const lines = await logsOf(async () => {
      for (const [type, body] of [
        ["application/json", `password=${MARKER}`],
        ["application/json", `{"a":"${MARKER}"`],
        ["text/plain", MARKER],
        ["multipart/form-data; boundary=x", MARKER],
      ] as const) {
        const res = await signOut(body, { "content-type": type });
        expect(res.status, type).toBe(415);
        expect(await res.text()).not.toContain(MARKER);
      }
      expect((await signOut(MARKER, {})).status).toBe(415);
    });
    expectClean(lines);
  });

  it("an invalid next-auth callback URL (cookie or query) is ignored: session, CSRF, providers and sign-out answer, and nothing of it is logged", async () => {
    const bad = `javascript:alert(1)//${MARKER}${"x".repeat(5000)}`;
    const lines = await logsOf(async () => {
      for (const name of ["next-auth.callback-url", "__Secure-next-auth.callback-url"]) {
        for (const action of ["session", "csrf", "providers", "signout"]) {
          const res = await get(action, { cookie: `${name}=${encodeURIComponent(bad)}` });
          expect(res.status, `${action} ${name}`).toBe(200);
          expect(await res.text()).not.toContain(MARKER);
        }
      }
      for (const action of ["session", "csrf", "providers"]) {
        expect((await get(action, {}, `?callbackUrl=${encodeURIComponent(bad)}`)).status, action).toBe(200);
      }
    });
    expectClean(lines);
  });

  it("next-auth's own errors are logged as their code only: one bounded line, nothing of the request", async () => {
    const lines = await logsOf(async () => {
      const res = await get("session", { cookie: `next-auth.session-token=${MARKER}.${"y".repeat(3000)}` });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({});
    });
    expect(lines).toEqual(["next-auth error: JWT_SESSION_ERROR"]);
  });
});
