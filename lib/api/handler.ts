import { principalFromRequest } from "@/lib/auth/request-session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { principalFromBearer } from "@/lib/oauth/bearer";
import type { Principal } from "@/lib/ram/principal";
import { toResponse } from "@/lib/oauth/error-response";
import { json } from "@/lib/http/json";
import { localeOfRequest } from "@/lib/i18n/translator";

/** Who calls the API, and whether with the console session cookie or a bearer access token. */
type Caller = { actor: Principal; via: "session" | "token" };
type Ctx<P> = { params: Promise<P> };

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Console REST API route: authenticates (console session, or a bearer access token that carries
 * `/acs/ram`), checks CSRF for cookie-authenticated writes, runs the body, maps errors.
 * Returning undefined answers 204.
 */
export function apiRoute<P = Record<string, never>>(
  fn: (args: { request: Request; params: P } & Caller) => Promise<unknown>,
  options: { status?: number } = {},
) {
  return async (request: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      const caller = await authenticate(request);
      const result = await fn({ request, ...caller, params: checkParams(await ctx.params) });
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
      return json(result, options.status ?? 200);
    } catch (error) {
      return toResponse(error, "api", localeOfRequest(request));
    }
  };
}

const MAX_PARAM = 256;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Route parameters name rows: one that no row can have (over 256 characters, control characters,
 * a lone surrogate) is "not found" here, once for every route, instead of a database error (500).
 * Ids that are not UUIDs are refused by each route's own idSchema.
 */
export function checkParams<P>(params: P): P {
  for (const value of Object.values(params ?? {})) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v !== "string" || v.length > MAX_PARAM || CONTROL.test(v) || !v.isWellFormed()) {
        throw new AppError("not_found", { key: "apiErrors.api.noSuchResource" });
      }
    }
  }
  return params;
}

export async function authenticate(request: Request): Promise<Caller> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const principal = await principalFromBearer(authorization);
    return { actor: principal, via: "token" };
  }
  const principal = await principalFromRequest(request);
  if (!principal) throw new AppError("unauthorized", { key: "apiErrors.api.signInRequired" });
  if (UNSAFE.has(request.method)) assertSameOrigin(request);
  return { actor: principal, via: "session" };
}

/**
 * CSRF defence for cookie-authenticated writes: the browser's Origin (or Sec-Fetch-Site) must say
 * the request comes from this console. Requests without either (command-line clients) must be JSON,
 * which a cross-site HTML form cannot send.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  const own = new Set([new URL(getEnv().issuer).origin, new URL(request.url).origin]);
  if (origin !== null) {
    if (!own.has(origin)) throw crossSite();
    return;
  }
  if (site !== null && site !== "same-origin" && site !== "none") throw crossSite();
  const type = request.headers.get("content-type") ?? "";
  if (request.method !== "DELETE" && !type.toLowerCase().startsWith("application/json")) {
    throw crossSite();
  }
}

const crossSite = () => new AppError("forbidden", { key: "apiErrors.api.crossSite" });
