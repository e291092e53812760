import NextAuth from "next-auth";
import { isDatabaseUnavailable } from "@/lib/api/respond";
import { getEnv } from "@/lib/env";
import { getAuthOptions } from "@/lib/auth/options";
import { clientAddress, recordFailure, retryAfterSeconds, throttleKeys } from "@/lib/auth/sign-in-throttle";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: the environment is read on first use, never at import.
async function handler(request: Request, ctx: Ctx) {
  return NextAuth(request as never, ctx as never, getAuthOptions());
}

/**
 * Credentials sign-in, throttled per logon name and per address: a clear 429 with Retry-After
 * before any password work; each failure counts. Without the database: 503 with Retry-After.
 */
async function post(request: Request, ctx: Ctx) {
  try {
    return await throttledPost(request, ctx);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return Response.json(
      { url: `${getEnv().issuer}/signin?error=Unavailable`, message: "The console can not reach its database right now. Try again in a few seconds." },
      { status: 503, headers: { "retry-after": "5", "cache-control": "no-store" } },
    );
  }
}

async function throttledPost(request: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") !== "callback/credentials") return handler(request, ctx);
  const form = new URLSearchParams(await request.clone().text());
  const keys = throttleKeys(form.get("login") ?? "", clientAddress(request));
  const wait = await retryAfterSeconds(keys);
  if (wait > 0) {
    const url = `${getEnv().issuer}/signin?error=TooManyRequests`;
    return Response.json(
      { url, message: `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minutes.` },
      { status: 429, headers: { "retry-after": String(wait), "cache-control": "no-store" } },
    );
  }
  const res = await handler(request, ctx);
  const location = (await res.clone().json().catch(() => null))?.url ?? res.headers.get("location") ?? "";
  if (res.status >= 400 || String(location).includes("error=")) await recordFailure(keys);
  return res;
}

export { handler as GET, post as POST };
