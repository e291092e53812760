import { isDatabaseUnavailable } from "@/lib/http/database-unavailable";
import { logError } from "@/lib/http/log";
import { OAuthError } from "./oauth-error";

/** RFC 6749 §5.1: token responses (and their errors) must not be cached. */
export const NO_STORE: Record<string, string> = { "cache-control": "no-store", pragma: "no-cache" };

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...NO_STORE, ...headers },
  });
}

/** Public, cacheable JSON (metadata, JWKS). */
export function publicJson(body: unknown, maxAgeSeconds: number): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": `public, max-age=${maxAgeSeconds}` },
  });
}

/** An OAuthError as the RFC 6749 §5.2 JSON body; anything else is a server_error that is logged, not echoed. */
export function oauthErrorResponse(error: unknown): Response {
  if (error instanceof OAuthError) {
    return jsonResponse({ error: error.code, error_description: error.description }, error.status, error.headers);
  }
  if (isDatabaseUnavailable(error)) {
    return jsonResponse({ error: "temporarily_unavailable", error_description: "Try again in a few seconds." }, 503, { "retry-after": "5" });
  }
  logError("Unhandled error in OAuth endpoint", error);
  return jsonResponse({ error: "server_error", error_description: "Something went wrong on our side." }, 500);
}

/** Wraps an endpoint so that every thrown error becomes a protocol error answer. */
export function oauthEndpoint(fn: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return await fn(request);
    } catch (error) {
      return oauthErrorResponse(error);
    }
  };
}
