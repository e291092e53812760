import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// One fresh embedded database per run (PGlite serves one process per folder). Workers inherit the
// environment of the main process, so every process agrees on the folder.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `ram-e2e-${process.pid}-${Date.now()}`);
const PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // Always a fresh build, then the server as `npm start` runs it (scripts/start.mjs: its keep-alive timeout).
      command: `npx next build && node scripts/start.mjs -p ${PORT}`,
      // The health check opens (and on first start seeds) the database before any test runs.
      url: `${BASE_URL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(PORT),
        PGLITE_DATA_DIR: path.join(process.env.E2E_DATA_DIR, "pglite"),
        ISSUER_URL: BASE_URL,
        DATABASE_URL: "",
        // The specs sign in with the demo identities (the embedded default, said explicitly).
        SEED_DEMO_DATA: "true",
      },
    },
    // The demo third-party application (examples/third-party-app) on its registered redirect port.
    // E2E_NO_DEMO=1 leaves it out, so that several runs can share the machine.
    ...(process.env.E2E_NO_DEMO
      ? []
      : [
          {
            command: "npx tsx examples/third-party-app/server.ts",
            url: "http://127.0.0.1:8765/",
            timeout: 60_000,
            reuseExistingServer: false,
            stdout: "ignore" as const,
            stderr: "pipe" as const,
            env: { DEMO_PORT: "8765", RAM_ISSUER: BASE_URL },
          },
        ]),
  ],
});
