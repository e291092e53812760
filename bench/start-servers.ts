import { randomBytes } from "node:crypto";
import type { ServerName } from "./scenarios";
import { nextBin, startServer, tsxBin, type Started } from "./servers";

type ServerSpec = Parameters<typeof startServer>[0];

/**
 * The servers the bench drives, on ports basePort+1..7: `next start` of the build in `distDir` on
 * PostgreSQL and a second one on the same database (`next2`), the lean OAuth API server
 * (server/oauth-api.ts) and a second one (`lean2`), the reference oidc-provider, and the embedded
 * default (`embedded`: `npm start` on a PGlite folder, no DATABASE_URL) when `embeddedDataDir` is
 * given. Each started server is pushed onto `started` at once, so that a failure later still stops it.
 */
export async function startBenchServers(opts: {
  databaseUrl: string;
  distDir: string;
  basePort: number;
  embeddedDataDir: string | null;
  started: Started[];
  log: (s: string) => void;
}): Promise<{
  origins: Partial<Record<ServerName, string>>;
  referenceSecret: string;
  statementCacheExperiment: boolean;
}> {
  const port = (k: number) => opts.basePort + k;
  const ports = { next: port(1), lean: port(2), reference: port(3), next2: port(4), lean2: port(5), embedded: port(6) };
  const referenceSecret = randomBytes(16).toString("base64url");
  const common = {
    DATABASE_URL: opts.databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    // One issuer for both consoles and both lean servers: they are one deployment.
    ISSUER_URL: `http://127.0.0.1:${ports.next}`,
    ...(process.env.DB_POOL_MAX ? { DB_POOL_MAX: process.env.DB_POOL_MAX } : {}),
  };
  opts.log("starting next start ×2, the lean server ×2, the reference and the embedded default…");
  // What-if: the statement cache in the console too (bench/preload-statement-cache.ts).
  const experiment: Record<string, string> =
    process.env.BENCH_EXPERIMENT_STATEMENT_CACHE === "1"
      ? { NODE_OPTIONS: "--import tsx --import ./bench/preload-statement-cache.ts" }
      : {};
  const oidcReady = "/.well-known/openid-configuration";
  const next = (name: "next" | "next2"): ServerSpec => ({
    name,
    cmd: nextBin(),
    args: ["start", "-p", String(ports[name]), "-H", "127.0.0.1"],
    env: { ...common, ...experiment, NEXT_DIST_DIR: opts.distDir, PORT: String(ports[name]) },
    port: ports[name],
    readyPath: "/api/ping",
  });
  const lean = (name: "lean" | "lean2"): ServerSpec => ({
    name,
    cmd: tsxBin(),
    args: ["server/oauth-api.ts"],
    env: { ...common, PORT: String(ports[name]), HOST: "127.0.0.1" },
    port: ports[name],
    readyPath: oidcReady,
  });
  const servers: ServerSpec[] = [
    next("next"),
    lean("lean"),
    {
      name: "reference",
      cmd: tsxBin(),
      args: ["bench/reference-oidc.ts"],
      env: { PORT: String(ports.reference), REFERENCE_CLIENT_SECRET: referenceSecret },
      port: ports.reference,
      readyPath: oidcReady,
    },
    next("next2"),
    lean("lean2"),
  ];
  if (opts.embeddedDataDir) {
    servers.push({
      name: "embedded",
      // Exactly what `npm start` runs (scripts/start.mjs: next start, keep-alive 65 s), on the
      // embedded PGlite: no DATABASE_URL, no AUTH_SECRET (generated beside the data folder).
      cmd: process.execPath,
      args: ["scripts/start.mjs", "-p", String(ports.embedded), "-H", "127.0.0.1"],
      env: {
        DATABASE_URL: "",
        PGLITE_DATA_DIR: opts.embeddedDataDir,
        NEXT_DIST_DIR: opts.distDir,
        PORT: String(ports.embedded),
        // The bench's requests come from 127.0.0.1 (sign-in, CSRF origin checks).
        ISSUER_URL: `http://127.0.0.1:${ports.embedded}`,
      },
      port: ports.embedded,
      readyPath: "/api/ping",
    });
  }
  const origins: Partial<Record<ServerName, string>> = {};
  for (const server of servers) {
    const s = await startServer(server);
    opts.started.push(s);
    origins[server.name as ServerName] = s.origin;
  }
  return { origins, referenceSecret, statementCacheExperiment: Boolean(experiment.NODE_OPTIONS) };
}
