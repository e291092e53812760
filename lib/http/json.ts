/** RFC 6749 §5.1: token responses (and their errors) must not be cached; RFC 9111 `pragma` for HTTP/1.0 caches. */
export const NO_STORE: Record<string, string> = { "cache-control": "no-store", pragma: "no-cache" };

/**
 * The one JSON response helper: `cache-control: no-store` unless `headers` say otherwise (public
 * metadata passes its own), then the extra headers (NO_STORE, Retry-After, WWW-Authenticate).
 */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}
