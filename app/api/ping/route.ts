/**
 * GET /api/ping: the cheapest possible route handler, the framework's ceiling in `npm run bench`
 * (and a liveness probe). Dynamic, so that every request runs through the server, not a prerender.
 */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
