import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { sweepAnsweredApprovals } from "./sweep-answered-approvals";
import { sweepAuditEvents } from "./sweep-audit-events";
import { sweepExpired } from "./sweep-expired";

/** On globalThis: Next.js may evaluate this module in more than one bundle of one process. */
const store = globalThis as typeof globalThis & { __ramConsoleSweeper?: ReturnType<typeof setInterval> };

/**
 * Sweeps expired state, then operation logs and answered requests for approval past their account's
 * retention, every SWEEP_INTERVAL_SECONDS (0 = never) in this process. Opens nothing now:
 * the database is opened lazily by the first tick, one interval after start. The timer is unref()ed
 * (it never keeps a process alive), ticks never overlap, and a failed tick is logged and retried at
 * the next one. Returns false when disabled or already running.
 */
export function startSweeper(intervalSeconds: number = getEnv().sweepIntervalSeconds): boolean {
  if (intervalSeconds <= 0 || store.__ramConsoleSweeper) return false;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    getDb()
      .then(async (db) => {
        // Each sweep on its own: one that fails (and is retried next tick) does not hold back the others.
        for (const sweep of [sweepExpired, sweepAuditEvents, sweepAnsweredApprovals])
          await sweep(db).catch((error: unknown) => console.error(`sweeper: ${sweep.name}: ${messageOf(error)}`));
      })
      .catch((error: unknown) => console.error(`sweeper: ${messageOf(error)}`))
      .finally(() => {
        running = false;
      });
  }, intervalSeconds * 1000);
  timer.unref();
  store.__ramConsoleSweeper = timer;
  return true;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function stopSweeper(): void {
  if (store.__ramConsoleSweeper) clearInterval(store.__ramConsoleSweeper);
  store.__ramConsoleSweeper = undefined;
}
