/**
 * `npm run start:oauth-api`: the lean OAuth API server. Serves only the machine-to-machine endpoints
 * (token, userinfo, introspection, revocation, JWKS, metadata) with the console's own handlers on
 * Node's HTTP server, for deployments whose token traffic outgrows the console. Run it beside the
 * console on the same PostgreSQL and route /oauth2/{token,userinfo,introspect,revoke,jwks} and
 * /.well-known/* to it.
 *
 * Environment: DATABASE_URL (PostgreSQL, required), ISSUER_URL (the console's public URL, required:
 * it is the `iss` of every token), AUTH_SECRET (as the console's), PORT (default 3001), HOST
 * (default 0.0.0.0), DB_POOL_MAX, DB_STATEMENT_CACHE (1; 0 = off), SWEEP_INTERVAL_SECONDS (as the console's).
 */
import type { AddressInfo } from "node:net";
import { getHandle } from "@/db/client";
import { getEnv } from "@/lib/env";
import { logLine } from "@/lib/http/log";
import { getSigningKey } from "@/lib/oauth/keys";
import { startSweeper, stopSweeper } from "@/lib/sweep/start-sweeper";
import { createOAuthApiServer } from "./oauth-api-server";
import { enableStatementCache } from "./statement-cache";

function fail(message: string): never {
  console.error(logLine(`oauth-api: ${message}`));
  process.exit(1);
}

if (!process.env.DATABASE_URL) {
  // The embedded PGlite serves one process per data folder: it belongs to the console.
  fail(
    "DATABASE_URL is required: the OAuth API server shares the console's PostgreSQL database (the embedded PGlite serves only one process).",
  );
}
if (!process.env.ISSUER_URL)
  fail("ISSUER_URL is required: set it to the console's public URL, the issuer of every token.");
const port = Number(process.env.PORT ?? 3001);
const host = process.env.HOST ?? "0.0.0.0";
// The issuer is ISSUER_URL, never derived from PORT (which is this server's own port).
const env = (() => {
  try {
    return getEnv();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();

// Fail fast at start, not at the first request: connect, migrate (or wait for the console's
// migration) and load the signing key.
const handle = await getHandle().catch((error: unknown) =>
  fail(`cannot open the database: ${error instanceof Error ? error.message : error}`),
);
// DB_STATEMENT_CACHE=0 turns the prepared-statement cache off (e.g. behind an old pgbouncer).
if (handle.pool && process.env.DB_STATEMENT_CACHE !== "0") enableStatementCache(handle.pool);
await getSigningKey();
// Expired codes, tokens and throttle rows are swept here too; on one PostgreSQL an advisory lock
// lets one process sweep at a time.
startSweeper(env.sweepIntervalSeconds);

const server = createOAuthApiServer({ origin: env.issuer });
server.listen(port, host, () => {
  const { port: actual } = server.address() as AddressInfo;
  console.log(`oauth-api: listening on http://${host}:${actual} (issuer ${env.issuer}, pool ${env.poolMax})`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`oauth-api: ${signal}, stopping`);
  stopSweeper();
  server.close();
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), 5_000);
  force.unref();
  await new Promise<void>((resolve) => server.once("close", () => resolve()));
  await handle.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
