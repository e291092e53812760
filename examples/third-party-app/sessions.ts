import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** What the demo application remembers about one browser. Memory only: a restart signs everyone out. */
export type Pending = { state: string; nonce: string; codeVerifier: string; scope: string; startedAt: number };
export type Tokens = {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  scope?: string;
  expiresAt?: number;
  tokenType: string;
};
export type Outcome =
  | { ok: true; status?: number; body: unknown }
  | { ok: false; status?: number; error: string; description: string; body?: unknown };
export type Result = { action: string; at: number; outcome: Outcome };
export type Notice = { error: string; message: string; description?: string };

export type Session = {
  pending?: Pending;
  tokens?: Tokens;
  /** The scope the last sign-in asked for (the token response may leave `scope` out when it is the same). */
  requestedScope?: string;
  claims?: Record<string, unknown>;
  userinfo?: Outcome;
  result?: Result;
  notice?: Notice;
  touchedAt: number;
};

const COOKIE = "demo_sid";
const MAX_SESSIONS = 1000;
const IDLE_MS = 8 * 3600 * 1000;
const sessions = new Map<string, Session>();

function readCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === COOKIE) return rest.join("=");
  }
  return undefined;
}

/** The browser's session if it has one (and it has not idled out). */
export function findSession(req: IncomingMessage): Session | undefined {
  const id = readCookie(req);
  const session = id ? sessions.get(id) : undefined;
  if (!session || !id) return undefined;
  if (Date.now() - session.touchedAt > IDLE_MS) {
    sessions.delete(id);
    return undefined;
  }
  session.touchedAt = Date.now();
  return session;
}

/** The browser's session, created (with a random HttpOnly cookie) when it has none. */
export function ensureSession(req: IncomingMessage, res: ServerResponse): Session {
  const found = findSession(req);
  if (found) return found;
  if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  const id = randomBytes(32).toString("base64url");
  const session: Session = { touchedAt: Date.now() };
  sessions.set(id, session);
  res.setHeader("set-cookie", `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`);
  return session;
}
