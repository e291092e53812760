import { describe, expect, it } from "vitest";
import { LIMITS, recordFailure, retryAfterSeconds, throttleKeys } from "@/lib/auth/sign-in-throttle";
import { setupSeededDatabase } from "../helpers/db";

setupSeededDatabase();

describe(`sign-in throttling on ${process.env.TEST_DB}`, () => {
  it("throttles a logon name after its failures, and not another one", async () => {
    const keys = throttleKeys("Alice@acme.onaliyun.com", null);
    for (let i = 0; i < LIMITS.login - 1; i++) await recordFailure(keys);
    expect(await retryAfterSeconds(keys)).toBe(0);
    await recordFailure(keys);
    const wait = await retryAfterSeconds(throttleKeys("alice@ACME.onaliyun.com", null));
    expect(wait).toBeGreaterThan(800);
    expect(wait).toBeLessThanOrEqual(900);
    expect(await retryAfterSeconds(throttleKeys("bob@acme.onaliyun.com", null))).toBe(0);
  });

  it("throttles an address spraying many names", async () => {
    for (let i = 0; i < LIMITS.address; i++) await recordFailure([`addr:203.0.113.9`]);
    expect(await retryAfterSeconds(throttleKeys("someone@acme.onaliyun.com", "203.0.113.9"))).toBeGreaterThan(0);
    expect(await retryAfterSeconds(throttleKeys("someone@acme.onaliyun.com", "203.0.113.10"))).toBe(0);
  });
});
