// `npm start`: build only when there is no build or a source is newer than it, then serve.
// A second start therefore takes seconds, not a full `next build`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const distDir = process.env.NEXT_DIST_DIR || ".next";
const buildId = path.join(root, distDir, "BUILD_ID");

/** What the build is made of: a change to any of these needs a new build. */
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
const SKIP = new Set(["node_modules", ".git", "migrations"]);

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function run(args) {
  const result = spawnSync("npx", ["next", ...args], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
if (builtAt === 0 || changedAt > builtAt) {
  console.log(builtAt === 0 ? "No build yet: building." : "Sources changed since the last build: building.");
  run(["build"]);
} else {
  console.log("The build is up to date: starting it.");
}
/**
 * How long an idle keep-alive connection stays open. Node's default is 5 s, shorter than the idle
 * pools of the clients in front of us: a load balancer (AWS ALB, nginx upstream keepalive: 60 s)
 * or a Node client (an http.Agent with keepAlive and no timeout of its own, like Playwright's
 * request context, keeps idle sockets forever and ignores the server's `Keep-Alive: timeout=5`
 * hint). Such a client sends its next request on a pooled socket just as the server closes it and
 * gets ECONNRESET. So the server must be the side that waits longer: 65 s (the lean OAuth API
 * server, server/oauth-api-server.ts, uses the same). `next start` cannot set headersTimeout;
 * its default (60 s) does not cut idle connections: since Node 18 it counts only while a
 * request's headers arrive, from that request's first byte.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
run(["start", "--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS), ...process.argv.slice(2)]);
