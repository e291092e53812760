/**
 * `npm run bench` (not part of `npm test`): a throwaway PostgreSQL database with the generated data
 * set, the production Next.js server, the lean OAuth API server and the reference oidc-provider,
 * driven one scenario at a time with autocannon over loopback. Prints a table, writes
 * bench/results/<time>.{json,md} and latest.{json,md}, stops everything, drops the database, exits 0.
 *
 * BENCH_SMALL=1 tiny data set and 2 s scenarios; BENCH_DURATION seconds per scenario (10);
 * BENCH_CONNECTIONS (2 × CPUs); BENCH_PORT first of seven ports (3370); BENCH_ONLY a regex of scenario
 * ids; BENCH_SKIP_BUILD=1 reuses an existing .next-bench build; BENCH_PG_ADMIN_URL; BENCH_EMBEDDED=0
 * leaves out the embedded default (its PGlite data set takes about a minute to generate).
 */
import os from "node:os";
import { DEMO_CLIENT, DEMO_PASSWORD } from "@/db/seed";
import { createBenchDatabase, postgresVersion, type BenchDb } from "./database";
import { countRows, FULL, generateDataset, SMALL } from "./dataset";
import { consentAppOf, deleteTargetOf, installDemoClientInAcme, loadGrants, signIn } from "./fixtures";
import {
  measureConsentJs,
  measureRsaSigning,
  timeDeleteApplication,
  type ConsentJs,
  type DeleteTiming,
} from "./measure";
import { evaluateTargets, markdown, withRatios, writeResults, type Results } from "./report";
import { processTree } from "./cpu";
import { createEmbeddedDatabase, EMBEDDED_REFRESH_TAG, type EmbeddedDb } from "./embedded";
import { runScenarios, waitForQuiet } from "./run-scenarios";
import type { Ctx } from "./scenarios";
import { startBenchServers } from "./start-servers";
import { measureTokenLookup } from "./statements";
import { buildNext, hasBuild, type Started } from "./servers";

const small = process.env.BENCH_SMALL === "1";
const size = small ? SMALL : FULL;
const durationSeconds = Number(process.env.BENCH_DURATION ?? (small ? 2 : 10));
const cpus = os.availableParallelism();
const connections = Number(process.env.BENCH_CONNECTIONS ?? 2 * cpus);
const basePort = Number(process.env.BENCH_PORT ?? 3370);
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
const distDir = process.env.BENCH_DIST_DIR ?? ".next-bench";
const log = (s: string) => console.log(`[bench] ${s}`);

const started: Started[] = [];
let db: BenchDb | undefined;
let embeddedDb: EmbeddedDb | undefined;

async function main() {
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  log(
    `${cpus} × ${os.cpus()[0]?.model}; ${small ? "SMALL" : "full"} data set; ${durationSeconds} s per scenario; ${connections} connections`,
  );

  const rsa = await measureRsaSigning(small ? 1 : 3);
  log(`RSA-2048 signing on one core: ${rsa.nodeCryptoPerSecond}/s node:crypto, ${rsa.josePerSecond}/s jose`);

  let buildSeconds: number | null = null;
  if (process.env.BENCH_SKIP_BUILD === "1" && hasBuild(distDir)) log(`reusing the build in ${distDir}`);
  else {
    log(`next build → ${distDir}`);
    buildSeconds = await buildNext(distDir);
  }

  db = await createBenchDatabase();
  log(`database ${db.name}: generating the data set…`);
  const generated = await generateDataset(db, size);
  const rows = await countRows(db);
  log(`generated in ${generated.totalSeconds} s: ${JSON.stringify(rows)}`);
  await installDemoClientInAcme(db, DEMO_CLIENT.clientId);
  const sample = Array.from({ length: 2000 }, () => `bench-at-${Math.floor(Math.random() * size.tokens)}`);
  const tokenLookup = await measureTokenLookup(db.url, sample, small ? 1 : 3);
  log(
    `token lookup: planning ${tokenLookup.planningMs} ms, execution ${tokenLookup.executionMs} ms; ${tokenLookup.unpreparedPerSecond}/s as the handlers run it, ${tokenLookup.statementCachePerSecond}/s with the statement cache`,
  );

  // Single-use codes and refresh tokens: more than the fastest server could use in the time given.
  const budget = Math.round(8_000 * (durationSeconds + 1));
  if (process.env.BENCH_EMBEDDED !== "0") {
    log("embedded default: generating the data set into a PGlite folder…");
    embeddedDb = await createEmbeddedDatabase(size, budget);
    log(`embedded: generated in ${embeddedDb.generationSeconds} s: ${JSON.stringify(embeddedDb.rows)}`);
  }

  const servers = await startBenchServers({
    databaseUrl: db.url,
    distDir,
    basePort,
    embeddedDataDir: embeddedDb?.dataDir ?? null,
    started,
    log,
  });
  const { origins, referenceSecret } = servers;
  const ctx: Ctx = {
    origins,
    db,
    grants: await loadGrants(db),
    size,
    aliceCookie: await signIn(origins.next!, "alice@acme.onaliyun.com", DEMO_PASSWORD),
    adminCookie: await signIn(origins.next!, "admin@acme.onaliyun.com", DEMO_PASSWORD),
    referenceSecret,
    budget,
  };
  const embedded: Ctx | null =
    embeddedDb && origins.embedded
      ? {
          ...ctx,
          db: null,
          preIssuedRefreshTag: EMBEDDED_REFRESH_TAG,
          grants: embeddedDb.grants,
          aliceCookie: await signIn(origins.embedded, "alice@acme.onaliyun.com", DEMO_PASSWORD),
          adminCookie: await signIn(origins.embedded, "admin@acme.onaliyun.com", DEMO_PASSWORD),
        }
      : null;
  const benchDb = db;
  const cpuGroups = async (names: string[]) => {
    const trees = started.filter((s) => names.includes(s.name)).flatMap((s) => processTree(s.child.pid!));
    // PostgreSQL's backends of the bench database (the embedded default runs its database in-process).
    const backends = names.includes("embedded")
      ? []
      : (
          await benchDb.query<{ pid: number }>("select pid from pg_stat_activity where datname = $1", [benchDb.name])
        ).map((r) => r.pid);
    return { server: trees, postgres: backends };
  };

  await waitForQuiet(cpus, log);
  const measured = await runScenarios(
    { postgres: ctx, embedded, cpuGroups },
    { only, connections, durationSeconds, log },
  );

  let consentJs: ConsentJs | null = null;
  try {
    consentJs = await measureConsentJs(origins.next!, ctx.adminCookie, consentAppOf(size));
    log(
      `consent page first-load JS: ${(consentJs.totalGzipBytes / 1024).toFixed(1)} KB gzip in ${consentJs.scripts.length} chunks`,
    );
  } catch (error) {
    log(`consent page: ${error instanceof Error ? error.message : error}`);
  }
  const deleteApplication: DeleteTiming[] = [];
  for (let d = 0; d < size.deleteTargets; d++) {
    const timing = await timeDeleteApplication(
      origins.next!,
      ctx.adminCookie,
      deleteTargetOf(size, d),
      size.tokensPerDeleteTarget,
      `bench-del-${d}-0`,
    );
    log(
      `Delete Application (${timing.tokens} tokens): ${timing.status} in ${timing.ms} ms; token refused after: ${timing.tokenRejectedAfter}`,
    );
    deleteApplication.push(timing);
  }

  const partial = {
    startedAt,
    machine: {
      cpus,
      model: os.cpus()[0]?.model ?? "unknown",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      postgres: await postgresVersion(db),
      loadAverageAtStart,
    },
    config: {
      small,
      durationSeconds,
      connections,
      dbPoolMax: process.env.DB_POOL_MAX ?? "default",
      nextStatementCache: servers.statementCacheExperiment,
    },
    dataset: { rows, generationSeconds: generated.totalSeconds, steps: generated.steps },
    embeddedDataset: embeddedDb ? { rows: embeddedDb.rows, generationSeconds: embeddedDb.generationSeconds } : null,
    buildSeconds,
    rsa,
    tokenLookup,
    scenarios: withRatios(measured),
    consentJs,
    deleteApplication,
  };
  const results: Results = { ...partial, targets: evaluateTargets(partial) };
  console.log(`\n${markdown(results)}`);
  // An experiment's results never replace latest.{json,md}.
  for (const f of writeResults(results, { latest: !results.config.nextStatementCache })) log(`wrote ${f}`);
}

async function cleanup() {
  for (const s of started.reverse()) await s.stop().catch(() => {});
  await db?.drop().catch((error: unknown) => log(`could not drop ${db?.name}: ${error}`));
  embeddedDb?.remove();
}

process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
try {
  await main();
} catch (error) {
  console.error("[bench] failed:", error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
