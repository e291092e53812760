import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: path.join(root, "$1") },
      // `server-only` throws outside React server components; in tests every module is server-side.
      { find: /^server-only$/, replacement: path.join(root, "tests/fixtures/empty.ts") },
    ],
  },
  test: {
    env: {
      AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
      ISSUER_URL: "http://localhost:3000",
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.unit.test.ts"] } },
      {
        extends: true,
        test: {
          name: "db:pglite",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.unit.test.ts"],
          env: { TEST_DB: "pglite" },
        },
      },
      {
        extends: true,
        test: {
          name: "db:postgres",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.unit.test.ts"],
          env: { TEST_DB: "postgres" },
        },
      },
    ],
  },
});
