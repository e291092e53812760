import os from "node:os";
import { runLoad } from "./load";
import { allScenarios, type Ctx } from "./scenarios";

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

/** Every scenario (those whose id `only` matches), one at a time: a 1 s warm-up, then the measured run. */
export async function runScenarios(
  ctx: Ctx,
  opts: { only: RegExp | null; connections: number; durationSeconds: number; log: (s: string) => void },
) {
  const { only, connections, durationSeconds, log } = opts;
  const measured = [];
  for (const scenario of allScenarios(ctx.size)) {
    if (only && !only.test(scenario.id)) continue;
    const load1 = Math.round(os.loadavg()[0]! * 100) / 100;
    const prepared = await scenario.prepare(ctx);
    const base = {
      origin: ctx.origins[scenario.server],
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
    const result = await runLoad({ ...base, durationSeconds, maxRequests: prepared.maxRequests });
    log(
      `${scenario.id.padEnd(24)} ${String(result.rps).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  errors ${result.errors} ${result.errors ? JSON.stringify(result.statuses) : ""}`,
    );
    measured.push({
      id: scenario.id,
      server: scenario.server,
      title: scenario.title,
      baseline: scenario.baseline,
      load1,
      ...result,
    });
  }
  return measured;
}
