import autocannon from "autocannon";

export type Req = { method?: "GET" | "POST" | "DELETE"; path: string; headers?: Record<string, string>; body?: string };

export type LoadOptions = {
  /** origin, e.g. http://127.0.0.1:3371; several: the connections are split over them (one autocannon each) */
  origin: string | string[];
  /** a fixed request, or a function giving each request (fresh codes and refresh tokens are single-use) */
  request: Req | (() => Req | null);
  /** the status that counts as success (302 for the authorization endpoint) */
  expect: number;
  durationSeconds: number;
  connections: number;
  /** stop after this many requests (single-use credentials are finite) */
  maxRequests?: number;
};

export type LoadResult = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** connection errors, timeouts, and answers with another status than `expect` */
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
};

/**
 * Drives one scenario with autocannon over loopback and summarizes it. With several origins (one
 * server in several processes) the connections are split over them, the requests come from one
 * sequence (single-use credentials are never sent twice), rates add up, and p50/p99 are the worst
 * of the instances'.
 */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const origins = Array.isArray(opts.origin) ? opts.origin : [opts.origin];
  if (origins.length === 1) return runOne({ ...opts, origin: origins[0]! });
  const dynamic = typeof opts.request === "function" ? opts.request : null;
  // One shared sequence: each instance asks it for its next request.
  const shared = dynamic ?? opts.request;
  const per = Math.max(1, Math.floor(opts.connections / origins.length));
  const parts = await Promise.all(
    origins.map((origin) =>
      runOne({
        ...opts,
        origin,
        connections: per,
        request: shared,
        maxRequests: opts.maxRequests ? Math.floor(opts.maxRequests / origins.length) : undefined,
      }),
    ),
  );
  const statuses: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    rps: parts.reduce((a, p) => a + p.rps, 0),
    p50: Math.max(...parts.map((p) => p.p50)),
    p99: Math.max(...parts.map((p) => p.p99)),
    requests: parts.reduce((a, p) => a + p.requests, 0),
    errors: parts.reduce((a, p) => a + p.errors, 0),
    statuses,
    seconds: Math.max(...parts.map((p) => p.seconds)),
  };
}

async function runOne(opts: LoadOptions & { origin: string }): Promise<LoadResult> {
  const dynamic = typeof opts.request === "function" ? opts.request : null;
  const first = dynamic ? dynamic() : (opts.request as Req);
  if (!first) throw new Error("no request to send");
  let pending: Req | null = first;
  const next = () => {
    if (pending) {
      const r = pending;
      pending = null;
      return r;
    }
    return dynamic!();
  };
  const result = await autocannon({
    url: opts.origin,
    connections: opts.connections,
    duration: opts.durationSeconds,
    maxOverallRequests: opts.maxRequests,
    timeout: 10,
    requests: [
      dynamic
        ? {
            method: first.method ?? "GET",
            path: first.path,
            // autocannon asks for each request here; null ends this connection's stream of requests.
            setupRequest: (req) => {
              const r = next();
              return r
                ? { ...req, method: r.method ?? "GET", path: r.path, headers: r.headers ?? {}, body: r.body }
                : (null as never);
            },
          }
        : { method: first.method ?? "GET", path: first.path, headers: first.headers, body: first.body },
    ],
  });
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statuses[code] = (stat as { count: number }).count;
  const completed = Object.values(statuses).reduce((a, b) => a + b, 0);
  const ok = statuses[String(opts.expect)] ?? 0;
  return {
    rps: Math.round(ok / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: completed,
    errors: completed - ok + result.errors + result.timeouts,
    statuses,
    seconds: result.duration,
  };
}
