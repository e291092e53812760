import { inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";

/** Failed sign-ins allowed per window: per logon name (guessing one password), per address (spraying many). */
export const LIMITS = { login: 10, address: 100 } as const;
export const WINDOW_SECONDS = 15 * 60;

export function throttleKeys(login: string, address: string | null): string[] {
  const keys = [`login:${login.trim().toLowerCase()}`];
  if (address) keys.push(`addr:${address}`);
  return keys;
}

function limitOf(key: string): number {
  return key.startsWith("login:") ? LIMITS.login : LIMITS.address;
}

/** Seconds until the caller may try again, or 0 when not throttled. Shared by every server process (it is in the database). */
export async function retryAfterSeconds(keys: string[]): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select({ key: rateLimits.key, count: rateLimits.count, resetAt: rateLimits.resetAt })
    .from(rateLimits)
    .where(inArray(rateLimits.key, keys));
  const now = Date.now();
  let wait = 0;
  for (const r of rows) {
    if (r.count >= limitOf(r.key) && r.resetAt.getTime() > now) wait = Math.max(wait, Math.ceil((r.resetAt.getTime() - now) / 1000));
  }
  return wait;
}

/** Counts one failed sign-in against each key, in a fixed window (one atomic upsert per key). */
export async function recordFailure(keys: string[]): Promise<void> {
  const db = await getDb();
  for (const key of keys) {
    await db
      .insert(rateLimits)
      .values({ key, count: 1, resetAt: sql`now() + make_interval(secs => ${WINDOW_SECONDS})` })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.resetAt} < now() then 1 else ${rateLimits.count} + 1 end`,
          resetAt: sql`case when ${rateLimits.resetAt} < now() then excluded.reset_at else ${rateLimits.resetAt} end`,
        },
      });
  }
}

/**
 * The caller's address: the last x-forwarded-for hop (set by the reverse proxy in front of the
 * console, or by Next.js from the socket when there is none).
 */
export function clientAddress(request: Request): string | null {
  const xff = request.headers.get("x-forwarded-for");
  if (!xff) return null;
  const hops = xff.split(",").map((h) => h.trim()).filter(Boolean);
  return hops.at(-1) ?? null;
}
