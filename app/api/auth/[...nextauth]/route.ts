import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { json } from "@/lib/http/json";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: the environment is read on first use, never at import.
async function handler(request: Request, ctx: Ctx) {
  return NextAuth(request as never, ctx as never, getAuthOptions());
}

/**
 * next-auth serves the CSRF token, the session and sign-out only. Signing in is
 * POST /api/auth/sign-in (lib/auth/sign-in.ts): next-auth has no provider, and its sign-in and
 * callback endpoints are closed so that there is one way in, throttled.
 */
async function post(request: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") !== "signout") {
    return json({ error: "not_found", message: "Sign in with POST /api/auth/sign-in." }, 404);
  }
  return handler(request, ctx);
}

export { handler as GET, post as POST };
