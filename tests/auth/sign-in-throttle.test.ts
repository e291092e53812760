import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { principalFromSessionToken } from "@/lib/auth/request-session";
import { LIMITS, retryAfterSeconds, takeAttempt, throttleKeys } from "@/lib/auth/sign-in-throttle";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { setupSeededDatabase } from "../fixtures/db";
import { ALICE, cookieOf, failAlice, postSignIn as post, signIn } from "../fixtures/sign-in-requests";

/**
 * The sign-in endpoint reads the form once: the values it throttles are the values it checks.
 * No shape of request gets a password checked without the attempt being counted against the
 * account it reaches; shapes that could be read two ways are refused before anything else.
 */
const db = setupSeededDatabase();

beforeEach(async () => {
  await db().db.delete(rateLimits);
});

describe(`sign-in throttling on ${process.env.TEST_DB}`, () => {
  it("signs in with the right password: 303 to the same-origin callback and a session cookie the console reads", async () => {
    const res = await signIn(ALICE, DEMO_PASSWORD, { fields: [["callbackUrl", "/identities/users?x=1"]] });
    expect([res.status, res.headers.get("location")]).toEqual([303, "/identities/users?x=1"]);
    const cookie = cookieOf(res)!;
    expect(res.headers.getSetCookie()[0]).toMatch(/; HttpOnly; SameSite=Lax$/);
    expect((await principalFromSessionToken(cookie.split("=")[1]))?.subject).toBeTruthy();
  });

  it("throttles a logon name after its failures, and not another one", async () => {
    await failAlice(LIMITS.login);
    const res = await signIn(ALICE, DEMO_PASSWORD);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(900);
    expect(cookieOf(res)).toBeUndefined();
    expect((await signIn("bob@acme.onaliyun.com", DEMO_PASSWORD)).status).toBe(303);
  });

  it("counts case and whitespace variants of the logon name against the real account: it ends in 429", async () => {
    const variants = [
      " Alice@acme.onaliyun.com",
      "ALICE@ACME.ONALIYUN.COM",
      "alice@acme.onaliyun.com\t",
      "\u00a0alice@Acme.onaliyun.com ",
    ];
    for (let i = 0; i < LIMITS.login; i++)
      expect((await signIn(variants[i % variants.length]!, "wrong")).status).toBe(401);
    for (const login of [ALICE, ...variants])
      expect((await signIn(login, DEMO_PASSWORD)).status, JSON.stringify(login)).toBe(429);
  });

  it("refuses a repeated field in either order, a JSON body, another type and an over-long value with 400, before any password check", async () => {
    await failAlice(LIMITS.login);
    const right = DEMO_PASSWORD;
    const tries: [string, Promise<Response>][] = [
      [
        "login twice, other first",
        post([
          ["login", "nobody@acme.onaliyun.com"],
          ["login", ALICE],
          ["password", right],
        ]),
      ],
      [
        "login twice, real first",
        post([
          ["login", ALICE],
          ["login", "nobody@acme.onaliyun.com"],
          ["password", right],
        ]),
      ],
      ["password twice", signIn(ALICE, "x", { fields: [["password", right]] })],
      [
        "callbackUrl twice",
        signIn(ALICE, right, {
          fields: [
            ["callbackUrl", "/"],
            ["callbackUrl", "/"],
          ],
        }),
      ],
      ["unknown field", signIn(ALICE, right, { fields: [["csrfToken", "x"]] })],
      ["JSON body", post(JSON.stringify({ login: ALICE, password: right }), { "content-type": "application/json" })],
      ["form JSON lookalike", post(`login=${ALICE}&password=${right}`, { "content-type": "text/plain" })],
      ["multipart", post(`login=${ALICE}&password=${right}`, { "content-type": "multipart/form-data; boundary=x" })],
      ["huge login", signIn(`${ALICE}${" ".repeat(4000)}`, right)],
      ["257-character login", signIn("a".repeat(257), right)],
      ["huge password", signIn(ALICE, "p".repeat(5000))],
      ["empty login", signIn("", right)],
    ];
    for (const [name, res] of tries) expect((await res).status, name).toBe(400);
    // None of them was a guess that slipped past the counter: the real account is still throttled, not signed in.
    expect((await signIn(ALICE, right)).status).toBe(429);
  });

  it("counts a huge address or an exactly 256-character logon name (fixed-size hashed keys)", async () => {
    // Random, so that PostgreSQL can not compress it under its index-row limit (about 2.7 kB).
    const xff = { [PEER_ADDRESS_HEADER]: `198.51.100.7, ${randomBytes(6000).toString("base64url")}` };
    const long = `${"a".repeat(64)}@${"b".repeat(183)}.example`;
    expect(long).toHaveLength(256);
    for (let i = 0; i < LIMITS.login; i++) expect((await signIn(long, "x", { headers: xff })).status).toBe(401);
    expect((await signIn(long, "x", { headers: xff })).status).toBe(429);
    const keys = await db().db.select({ key: rateLimits.key }).from(rateLimits);
    expect(keys.every((k) => k.key.length <= 50)).toBe(true);
    expect(await retryAfterSeconds(throttleKeys(long, null))).toBeGreaterThan(0);
  });

  it("counts parallel guesses: no more than the limit get a password check", async () => {
    const answers = await Promise.all(Array.from({ length: LIMITS.login + 5 }, () => signIn(ALICE, "wrong")));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMITS.login);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });

  it("throttles an address spraying many names", async () => {
    const keys = throttleKeys("someone@acme.onaliyun.com", "203.0.113.9");
    for (let i = 0; i < LIMITS.address; i++)
      await takeAttempt(throttleKeys(`user${i}@acme.onaliyun.com`, "203.0.113.9"));
    expect(await takeAttempt(keys)).toBeGreaterThan(0);
    expect(await takeAttempt(throttleKeys("someone@acme.onaliyun.com", "203.0.113.10"))).toBe(0);
  });
});
