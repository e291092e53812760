import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { deleteAppScope } from "@/lib/apps/delete-app-scope";
import { ensureOwnAppInstallation } from "@/lib/apps/install-app";
import { listInstallations } from "@/lib/apps/installation-queries";
import type { Principal } from "@/lib/ram/principal";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { createClient, createConsoleClient, installApp, type TestClient } from "../fixtures/oauth-fixtures";

/**
 * "Update time" (the seed's Third-party Applications column) is kept by the schema: every
 * updated_at column is set by drizzle on each update (`$onUpdate`), so no write can forget it.
 */
const db = setupSeededDatabase();
const LONG_AGO = new Date("2020-01-01T00:00:00Z");
let app: TestClient;
let admin: Principal;
let provider: Principal;
let installationId: string;

const updatedAtOf = async (id: string) =>
  (await db().db.select({ at: s.installations.updatedAt }).from(s.installations).where(eq(s.installations.id, id)))[0]!
    .at;

beforeAll(async () => {
  admin = await principalOf(db().db, "admin@acme");
  provider = await principalOf(db().db, "owner@isv");
  app = await createConsoleClient(db().db, ["openid", "profile", "/acs/ram"]);
  installationId = await installApp(db().db, "acme", app.id, ["openid", "profile", "/acs/ram"]);
  await db()
    .db.update(s.installations)
    .set({ createdAt: LONG_AGO, updatedAt: LONG_AGO })
    .where(eq(s.installations.id, installationId));
});

describe(`update time, on ${process.env.TEST_DB}`, () => {
  it("an installation's update time moves when the provider deletes one of its scopes, and the Third-party Applications list shows it", async () => {
    await deleteAppScope({ actor: provider, clientId: app.clientId, scope: "/acs/ram" });
    const after = await updatedAtOf(installationId);
    expect(after.getTime()).toBeGreaterThan(LONG_AGO.getTime());
    const list = await listInstallations(db().db, admin.accountId, { search: app.clientId });
    expect(list.items.map((i) => [i.clientId, i.createdAt.toISOString(), i.updatedAt.toISOString()])).toEqual([
      [app.clientId, LONG_AGO.toISOString(), after.toISOString()],
    ]);
  });

  it.each([
    ["installations", s.installations, { scopes: ["openid"] }],
    ["applications", s.applications, { description: "changed" }],
    ["ram_users", s.ramUsers, { displayName: "Changed" }],
  ] as const)("%s: an update that does not name updated_at still sets it", async (_, table, change) => {
    const [row] = await db().db.select({ id: table.id }).from(table).limit(1);
    await db().db.update(table).set({ updatedAt: LONG_AGO }).where(eq(table.id, row!.id));
    const [updated] = await db()
      .db.update(table)
      .set(change as never)
      .where(eq(table.id, row!.id))
      .returning({ at: table.updatedAt });
    expect(updated!.at.getTime()).toBeGreaterThan(LONG_AGO.getTime());
  });

  it("an own application's installation, re-used on every sign-in, keeps its update time", async () => {
    const own = await createClient(db().db, "WebApp", ["openid"]);
    const isv = provider.accountId;
    const first = await db().db.transaction((tx) =>
      ensureOwnAppInstallation(tx, { accountId: isv, applicationId: own.id, scopes: ["openid"] }),
    );
    await db().db.update(s.installations).set({ updatedAt: LONG_AGO }).where(eq(s.installations.id, first.id));
    const again = await db().db.transaction((tx) =>
      ensureOwnAppInstallation(tx, { accountId: isv, applicationId: own.id, scopes: ["openid"] }),
    );
    expect(again.id).toBe(first.id);
    expect((await updatedAtOf(first.id)).toISOString()).toBe(LONG_AGO.toISOString());
  });
});
