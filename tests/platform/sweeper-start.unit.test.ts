import { afterEach, describe, expect, it, vi } from "vitest";
import { getEnv, resetEnvForTests } from "@/lib/env";
import { startSweeper, stopSweeper } from "@/lib/sweep/start-sweeper";

const fakeDb = {};
const getDb = vi.fn(async () => fakeDb);
const sweepExpired = vi.fn(async (db: unknown) => ({ ran: db === fakeDb, deleted: {} }));
vi.mock("@/db/client", () => ({ getDb: () => getDb() }));
const sweepAuditEvents = vi.fn(async (db: unknown) => (db === fakeDb ? 0 : -1));
vi.mock("@/lib/sweep/sweep-expired", () => ({ sweepExpired: (db: unknown) => sweepExpired(db) }));
vi.mock("@/lib/sweep/sweep-audit-events", () => ({ sweepAuditEvents: (db: unknown) => sweepAuditEvents(db) }));
const sweepAnsweredApprovals = vi.fn(async (db: unknown) => (db === fakeDb ? 0 : -1));
vi.mock("@/lib/sweep/sweep-answered-approvals", () => ({
  sweepAnsweredApprovals: (db: unknown) => sweepAnsweredApprovals(db),
}));

const timer = () => (globalThis as { __ramConsoleSweeper?: NodeJS.Timeout }).__ramConsoleSweeper;

describe("starting the sweeper", () => {
  afterEach(() => {
    stopSweeper();
    vi.useRealTimers();
    getDb.mockClear();
    sweepExpired.mockClear();
    delete process.env.SWEEP_INTERVAL_SECONDS;
    resetEnvForTests();
  });

  it("opens the database only at its first tick, one interval after start, then sweeps every interval", async () => {
    vi.useFakeTimers();
    expect(startSweeper(300)).toBe(true);
    expect(getDb).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(299_000);
    expect(getDb).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sweepExpired).toHaveBeenCalledTimes(1);
    expect(sweepExpired).toHaveBeenCalledWith(fakeDb);
    expect(sweepAuditEvents).toHaveBeenCalledWith(fakeDb);
    expect(sweepAnsweredApprovals).toHaveBeenCalledWith(fakeDb);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(sweepExpired).toHaveBeenCalledTimes(2);
  });

  it("runs each sweep even when one before it fails, and logs the failure", async () => {
    vi.useFakeTimers();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    sweepExpired.mockRejectedValueOnce(new Error("lock timeout"));
    sweepAnsweredApprovals.mockClear();
    startSweeper(300);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(sweepAnsweredApprovals).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("lock timeout"));
    logged.mockRestore();
  });

  it("starts once per process, never keeps the process alive, and stops", () => {
    expect(startSweeper(300)).toBe(true);
    expect(startSweeper(300)).toBe(false);
    expect(timer()?.hasRef()).toBe(false);
    stopSweeper();
    expect(timer()).toBeUndefined();
  });

  it("reads SWEEP_INTERVAL_SECONDS: 300 by default, 0 disables it, a negative value is refused", () => {
    expect(getEnv().sweepIntervalSeconds).toBe(300);
    process.env.SWEEP_INTERVAL_SECONDS = "0";
    resetEnvForTests();
    expect(startSweeper()).toBe(false);
    process.env.SWEEP_INTERVAL_SECONDS = "-5";
    resetEnvForTests();
    expect(() => getEnv()).toThrow(/SWEEP_INTERVAL_SECONDS/);
  });
});
