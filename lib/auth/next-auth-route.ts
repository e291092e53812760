import NextAuth from "next-auth";
import { BodyTooLargeError, readBodyText } from "@/lib/http/body-limit";
import { json } from "@/lib/http/json";
import { logError } from "@/lib/http/log";
import { localeOfRequest, renderMessage } from "@/lib/i18n/translator";
import { getAuthOptions } from "./options";

/** 4 KiB: sign-out's form is a CSRF token, a callback URL and `json=true`. */
export const NEXT_AUTH_BODY_LIMIT = 4096;

/**
 * The console never uses next-auth's callback URL (sign-in is our own endpoint), and next-auth
 * answers a value it finds invalid with a 500 that logs it: both are left out before next-auth runs.
 */
const CALLBACK_URL_COOKIES = new Set(["next-auth.callback-url", "__Secure-next-auth.callback-url"]);

type Collected = { status: number; headers: Headers; body: string | null };

/**
 * next-auth's endpoints (CSRF token, session, providers, sign-out), fed with a request we read
 * ourselves: a POST body only as a form of at most NEXT_AUTH_BODY_LIMIT (415, 413 otherwise), a GET
 * without any body, and no callback URL (cookie or query). next-auth's App Router handler reads the
 * body unbounded and the cookies through `next/headers` (the original request), so it is called in
 * its plain form (`NextAuth(req, res, options)`) with these values and a response that collects.
 */
export async function nextAuthEndpoint(request: Request, nextauth: string[]): Promise<Response> {
  const message = (key: string, values?: Record<string, string>) =>
    renderMessage({ key, values }, localeOfRequest(request));
  let body: Record<string, string> | undefined;
  if (request.method === "POST") {
    const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/x-www-form-urlencoded") {
      return json({ error: "unsupported_media_type", message: message("apiErrors.auth.formRequired") }, 415);
    }
    try {
      body = Object.fromEntries(new URLSearchParams(await readBodyText(request, NEXT_AUTH_BODY_LIMIT)));
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return json({ error: "payload_too_large", message: message("errors.tooLarge", { size: "4 KiB" }) }, 413);
    }
  }
  const query: Record<string, string | string[]> = Object.fromEntries(new URL(request.url).searchParams);
  delete query.callbackUrl;
  query.nextauth = nextauth;
  const req = {
    method: request.method,
    query,
    body,
    cookies: cookiesOf(request.headers.get("cookie")),
    headers: Object.fromEntries(request.headers),
  };
  const collected: Collected = { status: 200, headers: new Headers(), body: null };
  try {
    await NextAuth(req as never, collectingResponse(collected) as never, getAuthOptions());
  } catch (error) {
    logError("next-auth endpoint", error);
    return json({ error: "server_error", message: message("apiErrors.auth.unexpected") }, 500);
  }
  return new Response(collected.body, { status: collected.status, headers: collected.headers });
}

/** The request's cookies, first occurrence wins; malformed ones (bad %-sequence, control characters, huge) and the callback URL are left out. */
function cookiesOf(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (
      eq <= 0 ||
      name in cookies ||
      CALLBACK_URL_COOKIES.has(name) ||
      raw.length > 8192 ||
      /[\u0000-\u001f\u007f]/.test(raw)
    )
      continue;
    try {
      cookies[name] = decodeURIComponent(
        raw.startsWith('"') && raw.endsWith('"') && raw.length > 1 ? raw.slice(1, -1) : raw,
      );
    } catch {
      // A cookie that does not decode is absent.
    }
  }
  return cookies;
}

/** The part of a Node.js response next-auth's plain handler uses. */
function collectingResponse(out: Collected) {
  const res = {
    status(code: number) {
      out.status = code;
      return res;
    },
    getHeader(name: string) {
      return name.toLowerCase() === "set-cookie" ? out.headers.getSetCookie() : (out.headers.get(name) ?? undefined);
    },
    setHeader(name: string, value: string | string[]) {
      out.headers.delete(name);
      for (const v of Array.isArray(value) ? value : [value]) out.headers.append(name, v);
      return res;
    },
    end() {},
    json(value: unknown) {
      out.headers.set("content-type", "application/json");
      out.body = JSON.stringify(value);
    },
    send(value: unknown) {
      if (typeof value === "string") out.body = value;
      else if (value !== undefined && value !== null) {
        if (!out.headers.has("content-type")) out.headers.set("content-type", "application/json");
        out.body = JSON.stringify(value);
      }
    },
  };
  return res;
}
