import { inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import { getEnv } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";

/** Sign-in attempts allowed per window: per logon name (guessing one password), per address (spraying many). */
export const LIMITS = { login: 10, address: 100 } as const;
export const WINDOW_SECONDS = 15 * 60;

/**
 * The counters an attempt is charged to. `login` must already be normalised (the exact value the
 * password check looks up). Keys are fixed-size hashes, so no input can be too long for the index.
 */
export function throttleKeys(login: string, address: string | null): string[] {
  const keys = [`login:${sha256(login)}`];
  if (address) keys.push(`addr:${sha256(address)}`);
  return keys;
}

/** Another counter of the same table (approval requests per person): its own limit and window. */
export type ThrottleRule = { limit: number; windowSeconds: number };

function limitOf(key: string): number {
  return key.startsWith("login:") ? LIMITS.login : LIMITS.address;
}

function waitOf(
  rows: { key: string; count: number; resetAt: Date }[],
  over: (count: number, limit: number) => boolean,
  rule?: ThrottleRule,
): number {
  const now = Date.now();
  let wait = 0;
  for (const r of rows) {
    if (over(r.count, rule?.limit ?? limitOf(r.key)) && r.resetAt.getTime() > now)
      wait = Math.max(wait, Math.ceil((r.resetAt.getTime() - now) / 1000));
  }
  return wait;
}

/** Seconds until the caller may try again, or 0 when not throttled (read only). */
export async function retryAfterSeconds(keys: string[]): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select({ key: rateLimits.key, count: rateLimits.count, resetAt: rateLimits.resetAt })
    .from(rateLimits)
    .where(inArray(rateLimits.key, keys));
  return waitOf(rows, (count, limit) => count >= limit);
}

/**
 * Charges one attempt to every key before the password is checked, in one atomic statement (fixed
 * window), and answers the seconds to wait when a counter is now over its limit (0: go ahead).
 * Counting first means parallel guesses are all counted and an attempt that cannot be counted
 * (this throws) is never checked. A successful sign-in gives its attempt back (`refundAttempt`).
 * `rule` counts with another limit and window (keys of their own, never a sign-in's).
 */
export async function takeAttempt(keys: string[], rule?: ThrottleRule): Promise<number> {
  const db = await getDb();
  const sorted = [...keys].sort(); // one lock order for every statement
  const rows = await db
    .insert(rateLimits)
    .values(
      sorted.map((key) => ({
        key,
        count: 1,
        resetAt: sql`now() + make_interval(secs => ${rule?.windowSeconds ?? WINDOW_SECONDS})`,
      })),
    )
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.resetAt} < now() then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} < now() then excluded.reset_at else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ key: rateLimits.key, count: rateLimits.count, resetAt: rateLimits.resetAt });
  return waitOf(rows, (count, limit) => count > limit, rule);
}

/** Gives back the attempt of a successful sign-in: only failures use up the allowance. */
export async function refundAttempt(keys: string[]): Promise<void> {
  const db = await getDb();
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(inArray(rateLimits.key, [...keys].sort()));
}

/**
 * The caller's address. Behind a reverse proxy (TRUST_PROXY=true): the last X-Forwarded-For hop,
 * the one that proxy appended. Otherwise X-Forwarded-For is ignored (`next start` passes a
 * client-sent one through untouched) and the socket's peer address is used, which the server
 * process writes into PEER_ADDRESS_HEADER over anything the client sent.
 */
export function clientAddress(request: Request, trustProxy = getEnv().trustProxy): string | null {
  if (!trustProxy) return request.headers.get(PEER_ADDRESS_HEADER)?.trim() || null;
  const xff = request.headers.get("x-forwarded-for");
  if (!xff) return null;
  const hops = xff
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1) ?? null;
}
