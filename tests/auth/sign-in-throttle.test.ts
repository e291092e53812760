import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rateLimits } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { principalFromSessionToken } from "@/lib/auth/request-session";
import { signInEndpoint } from "@/lib/auth/sign-in";
import { LIMITS, retryAfterSeconds, takeAttempt, throttleKeys } from "@/lib/auth/sign-in-throttle";
import { resetEnvForTests } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { setupSeededDatabase } from "../fixtures/db";

/**
 * The sign-in endpoint reads the form once: the values it throttles are the values it checks.
 * No shape of request gets a password checked without the attempt being counted against the
 * account it reaches; shapes that could be read two ways are refused before anything else.
 */
const db = setupSeededDatabase();
const ISSUER = "http://localhost:3000";
const ALICE = "alice@acme.onaliyun.com";
const FORM = "application/x-www-form-urlencoded";

function post(body: string | [string, string][], headers: Record<string, string> = {}): Promise<Response> {
  const text = typeof body === "string" ? body : new URLSearchParams(body).toString();
  return signInEndpoint(
    new Request(`${ISSUER}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": FORM, ...headers },
      body: text,
    }),
  );
}

async function failAlice(times: number, login = ALICE) {
  for (let i = 0; i < times; i++)
    expect(
      (
        await post([
          ["login", login],
          ["password", `wrong-${i}`],
        ])
      ).status,
    ).toBe(401);
}

function cookieOf(res: Response): string | undefined {
  const line = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  return line?.split(";")[0];
}

beforeEach(async () => {
  await db().db.delete(rateLimits);
});

describe(`sign-in throttling on ${process.env.TEST_DB}`, () => {
  it("signs in with the right password: 303 to the same-origin callback and a session cookie the console reads", async () => {
    const res = await post([
      ["login", ALICE],
      ["password", DEMO_PASSWORD],
      ["callbackUrl", "/identities/users?x=1"],
    ]);
    expect([res.status, res.headers.get("location")]).toEqual([303, "/identities/users?x=1"]);
    const cookie = cookieOf(res)!;
    expect(res.headers.getSetCookie()[0]).toMatch(/; HttpOnly; SameSite=Lax$/);
    expect((await principalFromSessionToken(cookie.split("=")[1]))?.subject).toBeTruthy();
  });

  it("throttles a logon name after its failures, and not another one", async () => {
    await failAlice(LIMITS.login);
    const res = await post([
      ["login", ALICE],
      ["password", DEMO_PASSWORD],
    ]);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(900);
    expect(cookieOf(res)).toBeUndefined();
    expect(
      (
        await post([
          ["login", "bob@acme.onaliyun.com"],
          ["password", DEMO_PASSWORD],
        ])
      ).status,
    ).toBe(303);
  });

  it("counts case and whitespace variants of the logon name against the real account: it ends in 429", async () => {
    const variants = [
      " Alice@acme.onaliyun.com",
      "ALICE@ACME.ONALIYUN.COM",
      "alice@acme.onaliyun.com\t",
      "\u00a0alice@Acme.onaliyun.com ",
    ];
    for (let i = 0; i < LIMITS.login; i++)
      expect(
        (
          await post([
            ["login", variants[i % variants.length]!],
            ["password", "wrong"],
          ])
        ).status,
      ).toBe(401);
    for (const login of [ALICE, ...variants])
      expect(
        (
          await post([
            ["login", login],
            ["password", DEMO_PASSWORD],
          ])
        ).status,
        JSON.stringify(login),
      ).toBe(429);
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
      [
        "password twice",
        post([
          ["login", ALICE],
          ["password", "x"],
          ["password", right],
        ]),
      ],
      [
        "callbackUrl twice",
        post([
          ["login", ALICE],
          ["password", right],
          ["callbackUrl", "/"],
          ["callbackUrl", "/"],
        ]),
      ],
      [
        "unknown field",
        post([
          ["login", ALICE],
          ["password", right],
          ["csrfToken", "x"],
        ]),
      ],
      ["JSON body", post(JSON.stringify({ login: ALICE, password: right }), { "content-type": "application/json" })],
      ["form JSON lookalike", post(`login=${ALICE}&password=${right}`, { "content-type": "text/plain" })],
      ["multipart", post(`login=${ALICE}&password=${right}`, { "content-type": "multipart/form-data; boundary=x" })],
      [
        "huge login",
        post([
          ["login", `${ALICE}${" ".repeat(4000)}`],
          ["password", right],
        ]),
      ],
      [
        "257-character login",
        post([
          ["login", "a".repeat(257)],
          ["password", right],
        ]),
      ],
      [
        "huge password",
        post([
          ["login", ALICE],
          ["password", "p".repeat(5000)],
        ]),
      ],
      [
        "empty login",
        post([
          ["login", ""],
          ["password", right],
        ]),
      ],
    ];
    for (const [name, res] of tries) expect((await res).status, name).toBe(400);
    // None of them was a guess that slipped past the counter: the real account is still throttled, not signed in.
    expect(
      (
        await post([
          ["login", ALICE],
          ["password", right],
        ])
      ).status,
    ).toBe(429);
  });

  it("counts a huge address or an exactly 256-character logon name (fixed-size hashed keys)", async () => {
    // Random, so that PostgreSQL can not compress it under its index-row limit (about 2.7 kB).
    const xff = { [PEER_ADDRESS_HEADER]: `198.51.100.7, ${randomBytes(6000).toString("base64url")}` };
    const long = `${"a".repeat(64)}@${"b".repeat(183)}.example`;
    expect(long).toHaveLength(256);
    for (let i = 0; i < LIMITS.login; i++)
      expect(
        (
          await post(
            [
              ["login", long],
              ["password", "x"],
            ],
            xff,
          )
        ).status,
      ).toBe(401);
    expect(
      (
        await post(
          [
            ["login", long],
            ["password", "x"],
          ],
          xff,
        )
      ).status,
    ).toBe(429);
    const keys = await db().db.select({ key: rateLimits.key }).from(rateLimits);
    expect(keys.every((k) => k.key.length <= 50)).toBe(true);
    expect(await retryAfterSeconds(throttleKeys(long, null))).toBeGreaterThan(0);
  });

  it("counts parallel guesses: no more than the limit get a password check", async () => {
    const answers = await Promise.all(
      Array.from({ length: LIMITS.login + 5 }, () =>
        post([
          ["login", ALICE],
          ["password", "wrong"],
        ]),
      ),
    );
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

  describe("the address an attempt is charged to", () => {
    const PEER = "203.0.113.9";
    const exhaust = async (address: string) => {
      for (let i = 0; i < LIMITS.address; i++) await takeAttempt(throttleKeys(`user${i}@acme.onaliyun.com`, address));
    };
    const attempt = (headers: Record<string, string>) =>
      post(
        [
          ["login", "someone@acme.onaliyun.com"],
          ["password", "wrong"],
        ],
        headers,
      );
    afterEach(() => {
      vi.unstubAllEnvs();
      resetEnvForTests();
    });

    it("without TRUST_PROXY is the socket's peer address: a forged X-Forwarded-For does not reset the count", async () => {
      vi.stubEnv("TRUST_PROXY", "");
      resetEnvForTests();
      await exhaust(PEER);
      expect((await attempt({ [PEER_ADDRESS_HEADER]: PEER, "x-forwarded-for": "198.51.100.1" })).status).toBe(429);
      expect((await attempt({ [PEER_ADDRESS_HEADER]: PEER, "x-forwarded-for": `198.51.100.2, ${PEER}` })).status).toBe(
        429,
      );
      expect((await attempt({ [PEER_ADDRESS_HEADER]: "203.0.113.10", "x-forwarded-for": PEER })).status).toBe(401);
    });

    it("with TRUST_PROXY=true is the last X-Forwarded-For hop, the one the proxy appended", async () => {
      vi.stubEnv("TRUST_PROXY", "true");
      resetEnvForTests();
      await exhaust(PEER);
      expect(
        (await attempt({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": `198.51.100.1, ${PEER}` })).status,
      ).toBe(429);
      expect((await attempt({ [PEER_ADDRESS_HEADER]: PEER, "x-forwarded-for": `${PEER}, 198.51.100.1` })).status).toBe(
        401,
      );
    });
  });

  describe("when the attempt can not be counted", () => {
    const logged: string[] = [];
    beforeEach(() => {
      for (const level of ["error", "warn", "log", "info"] as const) {
        vi.spyOn(console, level).mockImplementation(
          (...args: unknown[]) => void logged.push(args.map(String).join(" ")),
        );
      }
    });
    afterEach(async () => {
      vi.restoreAllMocks();
      await db().db.execute(sql`alter table if exists rate_limits_gone rename to rate_limits`);
    });

    it("the right password does not sign in: 503 with Retry-After, no session, and no log line carries the form", async () => {
      await db().db.execute(sql`alter table rate_limits rename to rate_limits_gone`);
      const res = await post([
        ["login", ALICE],
        ["password", DEMO_PASSWORD],
      ]);
      expect([res.status, res.headers.get("retry-after"), cookieOf(res)]).toEqual([503, "5", undefined]);
      await post([
        ["login", "x".repeat(300)],
        ["password", DEMO_PASSWORD],
      ]);
      expect(logged.length).toBeGreaterThan(0);
      for (const line of logged) {
        expect(line).not.toContain(DEMO_PASSWORD);
        expect(line.toLowerCase()).not.toContain("alice");
      }
    });
  });
});

describe(`sign-in requests on ${process.env.TEST_DB}`, () => {
  it("stops reading past 64 KiB and answers 413, declared or streamed", async () => {
    const big = `login=${ALICE}&password=${"p".repeat(70 * 1024)}`;
    expect((await post(big)).status).toBe(413);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x61));
        if (pulled > 1000) controller.close();
      },
    });
    const res = await signInEndpoint(
      new Request(`${ISSUER}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": FORM },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it("never takes credentials from the query string, and refuses a cross-site form", async () => {
    const inUrl = await signInEndpoint(
      new Request(`${ISSUER}/api/auth/sign-in?login=${ALICE}&password=${DEMO_PASSWORD}`, {
        method: "POST",
        headers: { "content-type": FORM },
        body: "",
      }),
    );
    expect(inUrl.status).toBe(400);
    // The right password, so that only the origin check can refuse it.
    const rightPasswordWith = async (headers: Record<string, string>) =>
      (
        await post(
          [
            ["login", ALICE],
            ["password", DEMO_PASSWORD],
          ],
          headers,
        )
      ).status;
    expect(await rightPasswordWith({ origin: "https://evil.example" })).toBe(403);
    expect(await rightPasswordWith({ "sec-fetch-site": "cross-site" })).toBe(403);
    expect(await rightPasswordWith({ origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBe(403);
    expect(await rightPasswordWith({ origin: "null" })).toBe(403);
    expect(await rightPasswordWith({ origin: ISSUER, "sec-fetch-site": "same-origin" })).toBe(303);
    // The console's own form under Referrer-Policy: no-referrer.
    expect(await rightPasswordWith({ origin: "null", "sec-fetch-site": "same-origin" })).toBe(303);
  });

  it("sends a browser's failed form back to the sign-in page with the error and a safe callback", async () => {
    const nav = { "sec-fetch-mode": "navigate", origin: ISSUER };
    const res = await post(
      [
        ["login", ALICE],
        ["password", "wrong"],
        ["callbackUrl", "/\t/evil.example"],
        ["prompt", "login"],
      ],
      nav,
    );
    expect([res.status, res.headers.get("location")]).toEqual([
      303,
      "/signin?error=CredentialsSignin&callbackUrl=%2F&prompt=login",
    ]);
    for (const callbackUrl of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "/.//evil.example",
      "/a\r\nSet-Cookie: x=1",
      "/\u0000",
    ]) {
      const ok = await post(
        [
          ["login", ALICE],
          ["password", DEMO_PASSWORD],
          ["callbackUrl", callbackUrl],
        ],
        nav,
      );
      expect([ok.status, ok.headers.get("location")], JSON.stringify(callbackUrl)).toEqual([303, "/"]);
    }
  });

  it("a new sign-in replaces the caller's session with a fresh one (prompt=login)", async () => {
    const first = cookieOf(
      await post([
        ["login", ALICE],
        ["password", DEMO_PASSWORD],
      ]),
    )!;
    const before = await principalFromSessionToken(first.split("=")[1]);
    const again = await post(
      [
        ["login", ALICE],
        ["password", DEMO_PASSWORD],
        ["prompt", "login"],
      ],
      { cookie: first },
    );
    const second = cookieOf(again)!;
    expect(second).not.toBe(first);
    expect(await principalFromSessionToken(first.split("=")[1])).toBeNull();
    const after = await principalFromSessionToken(second.split("=")[1]);
    expect(after!.sessionId).not.toBe(before!.sessionId);
    expect(after!.authTime.getTime()).toBeGreaterThanOrEqual(before!.authTime.getTime());
    // A malformed cookie is no session to replace, not an error.
    expect(
      (
        await post(
          [
            ["login", ALICE],
            ["password", DEMO_PASSWORD],
          ],
          { cookie: "next-auth.session-token=%E0%A4%A" },
        )
      ).status,
    ).toBe(303);
  });
});
