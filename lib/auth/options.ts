import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { createConsoleSession, revokeConsoleSession, SESSION_TTL_SECONDS } from "./console-session";
import { verifyCredentials } from "./verify-credentials";

const credentialsSchema = z.object({ login: z.string().min(1).max(320), password: z.string().min(1).max(1024) });

/** next-auth v4, credentials only. The JWT carries just the session id; the session row is the truth. */
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.authSecret,
    useSecureCookies: env.secureCookies,
    session: { strategy: "jwt", maxAge: SESSION_TTL_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "RAM console",
        credentials: { login: { label: "Logon name", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const db = await getDb();
          const who = await verifyCredentials(db, parsed.data.login, parsed.data.password);
          if (!who) return null;
          const sid = await createConsoleSession(db, who);
          return { id: sid };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = user.id;
        return token;
      },
      session({ session }) {
        // Nothing about the person goes to the browser through next-auth; pages read it on the server.
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeConsoleSession(await getDb(), token.sid);
      },
    },
  };
}
