import { decode, encode } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { loadSessionPrincipal, type SessionPrincipal } from "./console-session";

export function sessionCookieName(): string {
  return getEnv().secureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** A cookie's value; a malformed one (bad %-sequence, control characters, over 8 KiB) counts as absent: signed out, never a 500. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      if (raw.length > 8192 || /[\u0000-\u001f\u007f]/.test(raw)) return undefined;
      try {
        return decodeURIComponent(raw);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The console session's principal from a raw cookie value (plain Web code: no Next.js import). */
export async function principalFromSessionToken(value: string | undefined): Promise<SessionPrincipal | null> {
  const sid = await sessionIdFromToken(value);
  return sid ? loadSessionPrincipal(await getDb(), sid) : null;
}

/** The console session id in a session cookie's value, or null when there is none or it is not ours. */
export async function sessionIdFromToken(value: string | undefined): Promise<string | null> {
  if (!value) return null;
  try {
    const sid = (await decode({ token: value, secret: getEnv().authSecret }))?.sid;
    return typeof sid === "string" ? sid : null;
  } catch {
    return null;
  }
}

/** The Set-Cookie value of a new console session, the same cookie next-auth reads and clears on sign-out. */
export async function sessionCookie(sid: string, maxAge: number): Promise<string> {
  const env = getEnv();
  const token = await encode({ token: { sid }, secret: env.authSecret, maxAge });
  const expires = new Date(Date.now() + maxAge * 1000).toUTCString();
  return `${sessionCookieName()}=${token}; Path=/; Expires=${expires}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${env.secureCookies ? "; Secure" : ""}`;
}

export function principalFromRequest(request: Request): Promise<SessionPrincipal | null> {
  return principalFromSessionToken(readCookie(request.headers.get("cookie"), sessionCookieName()));
}
