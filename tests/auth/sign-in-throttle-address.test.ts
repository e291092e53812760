import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rateLimits } from "@/db/schema";
import { LIMITS, takeAttempt, throttleKeys } from "@/lib/auth/sign-in-throttle";
import { resetEnvForTests } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { setupSeededDatabase } from "../fixtures/db";
import { signIn } from "../fixtures/sign-in-requests";

/** Which address a sign-in attempt counts against: the socket's peer, or with TRUST_PROXY the proxy's last hop. */
const db = setupSeededDatabase();

beforeEach(async () => {
  await db().db.delete(rateLimits);
});

describe(`sign-in throttling on ${process.env.TEST_DB}`, () => {
  describe("the address an attempt is charged to", () => {
    const PEER = "203.0.113.9";
    const exhaust = async (address: string) => {
      for (let i = 0; i < LIMITS.address; i++) await takeAttempt(throttleKeys(`user${i}@acme.onaliyun.com`, address));
    };
    const attempt = (headers: Record<string, string>) =>
      signIn("someone@acme.onaliyun.com", "wrong", { headers: headers });
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
});
