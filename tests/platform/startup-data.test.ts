import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, ne } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getHandle, type Db, type Handle } from "@/db/client";
import { PLATFORM_ACCOUNT } from "@/db/official-apps";
import * as s from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { loadStartupData } from "@/db/startup";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { resetEnvForTests } from "@/lib/env";
import { isSetupOpen } from "@/lib/setup/setup-state";
import { createPostgresDatabase, createTestDatabase } from "../fixtures/db";

/**
 * "No known passwords in production": what a server start loads. With DATABASE_URL an empty
 * database gets the catalog (policies, the platform account, the official applications) and no
 * demo data, unless SEED_DEMO_DATA=true; the embedded default keeps its demo data.
 */
const store = globalThis as typeof globalThis & { __ramConsoleDb?: Promise<Handle> };
const savedEnv = { ...process.env };

async function officialApps(db: Db) {
  return (await db.select({ name: s.applications.name }).from(s.applications).where(eq(s.applications.official, true)))
    .map((r) => r.name)
    .sort();
}
const humans = async (db: Db) =>
  (await db.select({ n: count() }).from(s.accounts).where(ne(s.accounts.alias, PLATFORM_ACCOUNT.alias)))[0]!.n;
const demoOwnerSignsIn = async (db: Db) => (await verifyCredentials(db, "owner@acme.example", DEMO_PASSWORD)) !== null;

/** Opens the database the way a server process does: from the environment, through getHandle(). */
async function startWith(vars: Record<string, string | undefined>): Promise<Handle> {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
  store.__ramConsoleDb = undefined;
  return getHandle();
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
  process.env = { ...savedEnv };
  resetEnvForTests();
  store.__ramConsoleDb = undefined;
});

async function emptyPostgresUrl(): Promise<string> {
  const database = await createPostgresDatabase();
  cleanups.push(database.drop);
  return database.url;
}

describe.skipIf(process.env.TEST_DB !== "postgres")("a server start with DATABASE_URL", () => {
  it("on an empty database: the official applications, no demo data, no known password, the first-run page open", async () => {
    const handle = await startWith({ DATABASE_URL: await emptyPostgresUrl(), SEED_DEMO_DATA: undefined });
    cleanups.push(() => handle.close());
    expect(handle.kind).toBe("postgres");
    expect(await officialApps(handle.db)).toEqual(["Cloud Shell", "Official CLI", "OpenAPI MCP Server"]);
    expect(await humans(handle.db)).toBe(0);
    expect(await demoOwnerSignsIn(handle.db)).toBe(false);
    expect(await verifyCredentials(handle.db, PLATFORM_ACCOUNT.ownerEmail, DEMO_PASSWORD)).toBeNull();
    expect(await isSetupOpen(handle.db)).toBe(true);
  });

  it("with SEED_DEMO_DATA=true: the demo data as well", async () => {
    const handle = await startWith({ DATABASE_URL: await emptyPostgresUrl(), SEED_DEMO_DATA: "true" });
    cleanups.push(() => handle.close());
    expect(await demoOwnerSignsIn(handle.db)).toBe(true);
    expect(await officialApps(handle.db)).toHaveLength(3);
    expect(await isSetupOpen(handle.db)).toBe(false);
  });
});

describe.skipIf(process.env.TEST_DB !== "pglite")("a server start on the embedded database", () => {
  it("by default loads the demo data (the quick start)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ram-startup-"));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const handle = await startWith({
      DATABASE_URL: "",
      PGLITE_DATA_DIR: path.join(dir, "pglite"),
      SEED_DEMO_DATA: undefined,
    });
    cleanups.push(() => handle.close());
    expect(handle.kind).toBe("pglite");
    expect(await demoOwnerSignsIn(handle.db)).toBe(true);
    expect(await officialApps(handle.db)).toHaveLength(3);
  });
});

describe(`loadStartupData on ${process.env.TEST_DB}`, () => {
  it("without demo data: the catalog only, idempotent, and the platform account has no usable password", async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.dispose());
    await loadStartupData(db.db, { demoData: false });
    const [platform] = await db.db
      .select({ hash: s.accounts.ownerPasswordHash })
      .from(s.accounts)
      .where(eq(s.accounts.alias, PLATFORM_ACCOUNT.alias));
    await loadStartupData(db.db, { demoData: false });
    const [again] = await db.db
      .select({ hash: s.accounts.ownerPasswordHash })
      .from(s.accounts)
      .where(eq(s.accounts.alias, PLATFORM_ACCOUNT.alias));
    expect(again!.hash).toBe(platform!.hash);
    expect((await db.db.select({ n: count() }).from(s.accounts))[0]!.n).toBe(1);
    expect(await officialApps(db.db)).toHaveLength(3);
    const [mcp] = await db.db
      .select({ id: s.applications.id })
      .from(s.applications)
      .where(and(eq(s.applications.name, "OpenAPI MCP Server"), eq(s.applications.official, true)));
    expect(
      (await db.db.select({ n: count() }).from(s.appScopes).where(eq(s.appScopes.applicationId, mcp!.id)))[0]!.n,
    ).toBe(4);
    expect((await db.db.select({ n: count() }).from(s.policies))[0]!.n).toBeGreaterThan(0);
    for (const password of [DEMO_PASSWORD, "", "not-a-real-password"]) {
      expect(await verifyCredentials(db.db, PLATFORM_ACCOUNT.ownerEmail, password)).toBeNull();
    }
  });

  it("with demo data it does not load into a database where someone already has an account", async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.dispose());
    await loadStartupData(db.db, { demoData: false });
    await db.db
      .insert(s.accounts)
      .values({ uid: "1234567890123456", alias: "prod", ownerEmail: "owner@prod.example", ownerPasswordHash: "x" });
    await loadStartupData(db.db, { demoData: true });
    expect(await humans(db.db)).toBe(1);
    expect(await demoOwnerSignsIn(db.db)).toBe(false);
  });
});
