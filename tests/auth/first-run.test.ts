import { count, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setHandleForTests } from "@/db/client";
import { PLATFORM_ACCOUNT } from "@/db/official-apps";
import * as s from "@/db/schema";
import { loadStartupData } from "@/db/startup";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { MAX_SETUP_BODY, setupEndpoint } from "@/lib/setup/setup-endpoint";
import { decodeSetupFormState, SETUP_FORM_COOKIE } from "@/lib/setup/setup-form-state";
import { isSetupOpen } from "@/lib/setup/setup-state";
import { createTestDatabase, type TestDb } from "../fixtures/db";

// The sign-in page asks for the visitor's session first; here nobody is signed in.
vi.mock("@/lib/auth/current", () => ({ getCurrentPrincipal: async () => null }));
// Pages called directly: their words from the English catalog, and no request headers.
vi.mock("next-intl/server", async () => (await import("../fixtures/next-intl-server")).nextIntlServer("en"));
vi.mock("next/headers", async (original) => ({
  ...(await original<typeof import("next/headers")>()),
  headers: async () => new Headers(),
}));
// The setup page waits for a request (connection()) so that it is never prerendered; here it is called directly.
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  connection: async () => {},
}));

/**
 * The first-run page (app/(auth)/setup, POST /api/setup) on a production-like database: the
 * catalog, nobody with an account. It creates exactly one first account, then closes for good.
 */
const ISSUER = "http://localhost:3000";
const PASSWORD = "correct-horse-battery";

function post(fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(`${ISSUER}/api/setup`, {
    method: "POST",
    headers: { origin: ISSUER, "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
const form = (n: number | string = 1) => ({
  email: `Owner${n}@Prod.example`,
  alias: `prod-${n}`,
  password: PASSWORD,
  confirmPassword: PASSWORD,
});

let db: TestDb;
const d = () => db.db;
const humans = async () =>
  (await d().select({ n: count() }).from(s.accounts).where(ne(s.accounts.alias, PLATFORM_ACCOUNT.alias)))[0]!.n;
const written = async () => ({
  accounts: await humans(),
  installation: (await d().select({ n: count() }).from(s.installationState))[0]!.n,
  audits: (await d().select({ n: count() }).from(s.auditEvents).where(eq(s.auditEvents.action, "CreateAccount")))[0]!.n,
});
const nothing = { accounts: 0, installation: 0, audits: 0 };

beforeAll(async () => {
  db = await createTestDatabase();
  await loadStartupData(db.db, { demoData: false });
  setHandleForTests(db);
});
afterAll(async () => {
  await db?.dispose();
});

describe(`first-run page on ${process.env.TEST_DB}`, () => {
  const signInPage = async () =>
    (await import("@/app/(auth)/signin/page")).default({ searchParams: Promise.resolve({}) });

  it("is open on a database with only the platform account, and sign-in (where console pages send visitors) sends there", async () => {
    expect(await isSetupOpen(d())).toBe(true);
    await expect(signInPage()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;\/setup;/) });
  });

  it.each([
    ["a bad e-mail", { ...form(), email: "not-an-email" }, "email"],
    ["a short password", { ...form(), password: "short", confirmPassword: "short" }, "password"],
    ["a mismatched confirmation", { ...form(), confirmPassword: `${PASSWORD}x` }, "confirmPassword"],
    ["an alias that is not a RAM alias", { ...form(), alias: "Bad Alias!" }, "alias"],
    ["the platform account's alias", { ...form(), alias: PLATFORM_ACCOUNT.alias }, "alias"],
    ["the platform account's e-mail", { ...form(), email: PLATFORM_ACCOUNT.ownerEmail }, "email"],
    [
      "an e-mail shaped like a RAM logon name (sign-in would read it as a RAM user)",
      { ...form(), email: "Owner@Prod-1.onaliyun.com" },
      "email",
    ],
    ["an e-mail at onaliyun.com itself", { ...form(), email: "owner@onaliyun.com" }, "email"],
  ])(
    "%s: back to the form with the reason and the typed values (never the password), nothing written",
    async (_, fields, field) => {
      const res = await setupEndpoint(post(fields));
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/setup");
      const cookie = res.headers.get("set-cookie")!;
      expect(cookie).toMatch(/HttpOnly/);
      const value = cookie.split(";")[0]!.slice(`${SETUP_FORM_COOKIE}=`.length);
      const state = decodeSetupFormState(value)!;
      expect(Object.keys(state.errors)).toContain(field);
      expect(state.values.alias).toBe(fields.alias);
      expect(Buffer.from(value, "base64url").toString()).not.toContain(PASSWORD);
      expect(await written()).toEqual(nothing);
    },
  );

  it.each<[string, Record<string, string>, number]>([
    ["a cross-site Origin", { origin: "https://evil.example" }, 403],
    ["a cross-site Sec-Fetch-Site without Origin", { origin: "", "sec-fetch-site": "cross-site" }, 403],
    ["no Origin (a form that is not this page's)", { origin: "" }, 403],
    ["a JSON body", { "content-type": "application/json" }, 415],
  ])("refuses %s and writes nothing", async (_, headers, status) => {
    const req = post(form(), headers);
    const h = new Headers(req.headers);
    if (headers.origin === "") h.delete("origin");
    expect((await setupEndpoint(new Request(req, { headers: h }))).status).toBe(status);
    expect(await written()).toEqual(nothing);
  });

  it("refuses a body above the limit with 413, also when it does not say its length", async () => {
    const big = { ...form(), alias: "a".repeat(MAX_SETUP_BODY) };
    expect((await setupEndpoint(post(big))).status).toBe(413);
    const body = new URLSearchParams(big).toString();
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(body));
        c.close();
      },
    });
    const chunked = new Request(`${ISSUER}/api/setup`, {
      method: "POST",
      headers: { origin: ISSUER, "content-type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await setupEndpoint(chunked)).status).toBe(413);
    expect(await written()).toEqual(nothing);
  });

  it("ten simultaneous submissions create exactly one account and its owner, audited", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => setupEndpoint(post(form(i)))));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([303, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const winner = answers.find((r) => r.status === 303)!;
    expect(winner.headers.get("location")).toBe("/signin?setup=done");
    expect(await written()).toEqual({ accounts: 1, installation: 1, audits: 1 });
    const [account] = await d().select().from(s.accounts).where(ne(s.accounts.alias, PLATFORM_ACCOUNT.alias));
    expect(account!.uid).toMatch(/^[1-9]\d{15}$/);
    expect(account!.ownerEmail).toMatch(/^owner\d@prod\.example$/);
    const [state] = await d().select().from(s.installationState);
    expect(state!.firstAccountUid).toBe(account!.uid);
    expect(await verifyCredentials(d(), account!.ownerEmail, PASSWORD)).toEqual({
      accountId: account!.id,
      userId: null,
    });
    const [audit] = await d().select().from(s.auditEvents).where(eq(s.auditEvents.action, "CreateAccount"));
    expect(audit).toMatchObject({ accountId: account!.id, actor: account!.ownerEmail, targetId: account!.uid });
  });

  it("is closed afterwards: the page answers 404 and a second POST is refused with 409", async () => {
    expect(await isSetupOpen(d())).toBe(false);
    expect((await setupEndpoint(post(form("late")))).status).toBe(409);
    const { default: SetupPage } = await import("@/app/(auth)/setup/page");
    await expect(SetupPage()).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
    await expect(signInPage()).resolves.toBeTruthy();
    expect(await humans()).toBe(1);
  });

  it("stays closed for good, even once every account is deleted", async () => {
    await d().delete(s.accounts).where(ne(s.accounts.alias, PLATFORM_ACCOUNT.alias));
    expect(await humans()).toBe(0);
    expect(await isSetupOpen(d())).toBe(false);
    expect((await setupEndpoint(post(form("again")))).status).toBe(409);
    expect(await humans()).toBe(0);
  });
});
