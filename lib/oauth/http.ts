import { toResponse } from "@/lib/oauth/error-response";
import { json } from "@/lib/http/json";

/** Public, cacheable JSON (metadata, JWKS). */
export function publicJson(body: unknown, maxAgeSeconds: number): Response {
  return json(body, 200, { "cache-control": `public, max-age=${maxAgeSeconds}` });
}

/** Wraps an endpoint so that every thrown error becomes a protocol error answer (RFC 6749 §5.2). */
export function oauthEndpoint(fn: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return await fn(request);
    } catch (error) {
      return toResponse(error, "oauth");
    }
  };
}
