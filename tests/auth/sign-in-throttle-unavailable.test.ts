import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rateLimits } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { setupSeededDatabase } from "../fixtures/db";
import { ALICE, cookieOf, signIn } from "../fixtures/sign-in-requests";

/** The throttle's table is gone: no attempt is counted, so none gets a password check (fail closed). */
const db = setupSeededDatabase();

beforeEach(async () => {
  await db().db.delete(rateLimits);
});

describe(`sign-in throttling on ${process.env.TEST_DB}`, () => {
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
      const res = await signIn(ALICE, DEMO_PASSWORD);
      expect([res.status, res.headers.get("retry-after"), cookieOf(res)]).toEqual([503, "5", undefined]);
      await signIn("x".repeat(300), DEMO_PASSWORD);
      expect(logged.length).toBeGreaterThan(0);
      for (const line of logged) {
        expect(line).not.toContain(DEMO_PASSWORD);
        expect(line.toLowerCase()).not.toContain("alice");
      }
    });
  });
});
