import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvForTests } from "@/lib/env";

/** SEED_DEMO_DATA: demo data (known passwords) only for the embedded quick start, unless asked. */
const saved = { DATABASE_URL: process.env.DATABASE_URL, SEED_DEMO_DATA: process.env.SEED_DEMO_DATA };

function envWith(vars: Partial<Record<keyof typeof saved, string | undefined>>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
  return getEnv();
}

describe("SEED_DEMO_DATA", () => {
  afterEach(() => envWith(saved));

  it("defaults to off with DATABASE_URL (production: the first-run page instead)", () => {
    expect(envWith({ DATABASE_URL: "postgres://u@127.0.0.1:5432/x", SEED_DEMO_DATA: undefined }).seedDemoData).toBe(
      false,
    );
  });

  it("defaults to on for the embedded database", () => {
    expect(envWith({ DATABASE_URL: undefined, SEED_DEMO_DATA: undefined }).seedDemoData).toBe(true);
  });

  it("follows an explicit setting either way", () => {
    expect(envWith({ DATABASE_URL: "postgres://u@127.0.0.1:5432/x", SEED_DEMO_DATA: "true" }).seedDemoData).toBe(true);
    expect(envWith({ DATABASE_URL: undefined, SEED_DEMO_DATA: "false" }).seedDemoData).toBe(false);
  });

  it("refuses a value that is neither true nor false", () => {
    expect(() => envWith({ DATABASE_URL: undefined, SEED_DEMO_DATA: "yes" })).toThrow(
      /SEED_DEMO_DATA must be true or false/,
    );
  });
});
