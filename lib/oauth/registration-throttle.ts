import { sha256 } from "@/lib/crypto/tokens";
import { clientAddress, LIMITS, takeAttempt, WINDOW_SECONDS } from "@/lib/auth/sign-in-throttle";
import { OAuthError } from "./oauth-error";

/** Dynamic registrations allowed per caller address and window: the sign-in throttle's per-address counter. */
export const REGISTRATION_LIMIT = { count: LIMITS.address, windowSeconds: WINDOW_SECONDS } as const;

/**
 * Counts one registration for the caller's address in the shared fixed-window counters
 * (rate_limits, every process) before anything is stored, and refuses with 429 and Retry-After
 * over the limit (RFC 6585 §4). The key is its own, so registrations never use up sign-ins.
 */
export async function chargeRegistration(request: Request): Promise<void> {
  const wait = await takeAttempt([`addr:${sha256(`register:${clientAddress(request) ?? "unknown"}`)}`]);
  if (wait > 0) {
    const description = "Too many client registrations from this address; try again later.";
    throw new OAuthError("temporarily_unavailable", description, { "retry-after": String(wait) }, 429);
  }
}
