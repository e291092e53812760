import os from "node:os";
import { measureCpu, type CpuGroups, type CpuShare } from "./cpu";
import { runLoad } from "./load";
import { allScenarios, type Ctx, type Scenario, type ServerName } from "./scenarios";

/**
 * The machine is shared: before the first scenario, wait (at most BENCH_QUIET_WAIT seconds, 300)
 * until the 1-minute load average is below BENCH_QUIET_LOAD (1.5 on two cores). Each scenario
 * records the load average it started with.
 */
export async function waitForQuiet(cpus: number, log: (s: string) => void) {
  const limit = Number(process.env.BENCH_QUIET_LOAD ?? Math.max(1, cpus * 0.75));
  const deadline = Date.now() + Number(process.env.BENCH_QUIET_WAIT ?? 300) * 1000;
  while (os.loadavg()[0]! > limit && Date.now() < deadline) {
    log(`load average ${os.loadavg()[0]!.toFixed(2)} > ${limit}: waiting for a quieter machine…`);
    await new Promise((r) => setTimeout(r, 15_000));
  }
}

export type RunContext = {
  /** PostgreSQL scenarios */
  postgres: Ctx;
  /** the embedded default's, when it runs */
  embedded: Ctx | null;
  /** the processes whose CPU each scenario records: each server's process tree, PostgreSQL's backends */
  cpuGroups: (servers: ServerName[]) => Promise<CpuGroups>;
};

export type Measured = Pick<Scenario, "id" | "server" | "title" | "baseline"> &
  Awaited<ReturnType<typeof runLoad>> & { load1: number; processes: number; cpu: CpuShare };

/** Every scenario (those whose id `only` matches), one at a time: a 1 s warm-up, then the measured run. */
export async function runScenarios(
  run: RunContext,
  opts: { only: RegExp | null; connections: number; durationSeconds: number; log: (s: string) => void },
): Promise<Measured[]> {
  const { only, connections, durationSeconds, log } = opts;
  const measured: Measured[] = [];
  for (const scenario of allScenarios(run.postgres.size)) {
    if (only && !only.test(scenario.id)) continue;
    const ctx = scenario.server === "embedded" ? run.embedded : run.postgres;
    const servers = scenario.servers ?? [scenario.server];
    const origins = servers.map((s) => ctx?.origins[s]);
    if (!ctx || origins.some((o) => !o)) {
      log(`${scenario.id}: skipped (${servers.join(", ")} not running)`);
      continue;
    }
    const load1 = Math.round(os.loadavg()[0]! * 100) / 100;
    const prepared = await scenario.prepare(ctx);
    const base = {
      origin: origins.length === 1 ? origins[0]! : (origins as string[]),
      request: prepared.request,
      expect: scenario.expect,
      connections,
    };
    // Warm-up (JIT, caches, connection pools), not recorded.
    await runLoad({
      ...base,
      durationSeconds: 1,
      maxRequests: prepared.maxRequests ? Math.min(500, prepared.maxRequests) : undefined,
    });
    const { result, cores } = await measureCpu(await run.cpuGroups(servers), () =>
      runLoad({ ...base, durationSeconds, maxRequests: prepared.maxRequests }),
    );
    log(
      `${scenario.id.padEnd(26)} ${String(result.rps).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors} ${result.errors ? JSON.stringify(result.statuses) : ""} cpu ${JSON.stringify(cores)}`,
    );
    measured.push({
      id: scenario.id,
      server: scenario.server,
      title: scenario.title,
      baseline: scenario.baseline,
      load1,
      processes: servers.length,
      cpu: cores,
      ...result,
    });
  }
  return measured;
}
