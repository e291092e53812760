import { nextAuthEndpoint } from "@/lib/auth/next-auth-route";
import { json } from "@/lib/http/json";
import { localeOfRequest, renderMessage } from "@/lib/i18n/translator";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** next-auth's GET endpoints (CSRF token, session, providers); they take no body (lib/auth/next-auth-route.ts). */
async function get(request: Request, ctx: Ctx) {
  return nextAuthEndpoint(request, (await ctx.params).nextauth);
}

/**
 * next-auth serves the CSRF token, the session and sign-out only. Signing in is
 * POST /api/auth/sign-in (lib/auth/sign-in.ts): next-auth has no provider, and its sign-in and
 * callback endpoints are closed so that there is one way in, throttled.
 */
async function post(request: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") !== "signout") {
    const message = renderMessage({ key: "apiErrors.auth.signInWithPost" }, localeOfRequest(request));
    return json({ error: "not_found", message }, 404);
  }
  return nextAuthEndpoint(request, nextauth);
}

export { get as GET, post as POST };
