import type { NextAuthOptions } from "next-auth";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { logError, logLine } from "@/lib/http/log";
import { SESSION_TTL_SECONDS } from "./console-session";
import { signOutSession } from "./sign-out";

/**
 * next-auth v4 keeps the session cookie, its CSRF token and sign-out. It has no provider: signing
 * in is lib/auth/sign-in.ts, which sets the same cookie. The JWT carries just the session id; the
 * session row is the truth.
 */
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.authSecret,
    useSecureCookies: env.secureCookies,
    session: { strategy: "jwt", maxAge: SESSION_TTL_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [],
    logger: nextAuthLogger,
    callbacks: {
      session({ session }) {
        // Nothing about the person goes to the browser through next-auth; pages read it on the server.
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await signOutSession(await getDb(), token.sid);
      },
    },
  };
}

/** next-auth's error and warning codes only: its metadata can carry request data (a cookie, a callback URL, a token). */
const nextAuthLogger = {
  error(code: string) {
    logError(`next-auth error: ${codeOf(code)}`);
  },
  warn(code: string) {
    console.warn(logLine(`next-auth warning: ${codeOf(code)}`));
  },
  debug() {},
};

function codeOf(code: unknown): string {
  return typeof code === "string" && /^[A-Z0-9_]{1,64}$/.test(code) ? code : "unknown";
}
