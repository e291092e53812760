import { randomBytes } from "node:crypto";
import type { ServerName } from "./scenarios";
import { nextBin, startServer, tsxBin, type Started } from "./servers";

/**
 * The three servers the bench drives, on ports basePort+1..3: `next start` of the build in
 * `distDir`, the lean OAuth API server (server/oauth-api.ts) and the reference oidc-provider. Each
 * started server is pushed onto `started` at once, so that a failure later still stops it.
 */
export async function startBenchServers(opts: {
  databaseUrl: string;
  distDir: string;
  basePort: number;
  started: Started[];
  log: (s: string) => void;
}): Promise<{ origins: Record<ServerName, string>; referenceSecret: string; statementCacheExperiment: boolean }> {
  const ports = { next: opts.basePort + 1, lean: opts.basePort + 2, reference: opts.basePort + 3 };
  const referenceSecret = randomBytes(16).toString("base64url");
  const common = {
    DATABASE_URL: opts.databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ISSUER_URL: `http://127.0.0.1:${ports.next}`,
    ...(process.env.DB_POOL_MAX ? { DB_POOL_MAX: process.env.DB_POOL_MAX } : {}),
  };
  opts.log("starting next start, the lean server and the reference…");
  // What-if: the statement cache in the console too (bench/preload-statement-cache.ts).
  const experiment: Record<string, string> =
    process.env.BENCH_EXPERIMENT_STATEMENT_CACHE === "1"
      ? { NODE_OPTIONS: "--import tsx --import ./bench/preload-statement-cache.ts" }
      : {};
  const oidcReady = "/.well-known/openid-configuration";
  const servers: Parameters<typeof startServer>[0][] = [
    {
      name: "next",
      cmd: nextBin(),
      args: ["start", "-p", String(ports.next), "-H", "127.0.0.1"],
      env: { ...common, ...experiment, NEXT_DIST_DIR: opts.distDir, PORT: String(ports.next) },
      port: ports.next,
      readyPath: "/api/ping",
    },
    {
      name: "lean",
      cmd: tsxBin(),
      args: ["server/oauth-api.ts"],
      env: { ...common, PORT: String(ports.lean), HOST: "127.0.0.1" },
      port: ports.lean,
      readyPath: oidcReady,
    },
    {
      name: "reference",
      cmd: tsxBin(),
      args: ["bench/reference-oidc.ts"],
      env: { PORT: String(ports.reference), REFERENCE_CLIENT_SECRET: referenceSecret },
      port: ports.reference,
      readyPath: oidcReady,
    },
  ];
  const origins = {} as Record<ServerName, string>;
  for (const server of servers) {
    const s = await startServer(server);
    opts.started.push(s);
    origins[server.name as ServerName] = s.origin;
  }
  return { origins, referenceSecret, statementCacheExperiment: Boolean(experiment.NODE_OPTIONS) };
}
