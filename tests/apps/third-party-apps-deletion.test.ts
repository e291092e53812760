import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { deleteInstallation } from "@/lib/apps/delete-installation";
import { listInstallations } from "@/lib/apps/installation-queries";
import { validateAccessToken, validateRefreshToken } from "@/lib/oauth/token-validation";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import {
  accountId,
  createApp,
  install,
  issueTokens,
  liveTokens,
  rawToken,
} from "../fixtures/third-party-apps-fixtures";

/** Delete Application on the Third-party Applications tab: who may, what it takes with it, and at what cost. */
const db = setupSeededDatabase();

describe(`Third-party Applications tab on ${process.env.TEST_DB}`, () => {
  let acme: string;
  beforeAll(async () => {
    acme = await accountId(db().db, "acme");
  });

  it("lets only administrators delete; others get 403, another account's administrator 404, and nothing changes", async () => {
    const d = db().db;
    const app = await createApp(d, { owner: "isv", name: "Guarded App" });
    const installationId = await install(d, { account: "acme", applicationId: app.id, scopes: ["openid"] });
    for (const who of ["bob@acme", "alice@acme", "alice@acme as auditor"]) {
      await expect(
        deleteInstallation({ actor: await principalOf(d, who), clientId: app.clientId }),
        who,
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(
      deleteInstallation({ actor: await principalOf(d, "admin@globex"), clientId: app.clientId }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      deleteInstallation({ actor: await principalOf(d, "admin@acme"), clientId: "no-such-app" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(
      await d.select({ id: s.installations.id }).from(s.installations).where(eq(s.installations.id, installationId)),
    ).toHaveLength(1);
    await deleteInstallation({ actor: await principalOf(d, "owner@acme"), clientId: app.clientId });
    expect(
      await d.select({ id: s.installations.id }).from(s.installations).where(eq(s.installations.id, installationId)),
    ).toHaveLength(0);
  });

  it("does not delete an account's own application through this tab", async () => {
    const d = db().db;
    const own = await createApp(d, { owner: "acme", name: "Own App" });
    await install(d, { account: "acme", applicationId: own.id, scopes: ["openid"] });
    await expect(
      deleteInstallation({ actor: await principalOf(d, "admin@acme"), clientId: own.clientId }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("deletes the installation with its assignments and personal consents, kills its tokens, and writes one audit event", async () => {
    const d = db().db;
    const admin = await principalOf(d, "admin@acme");
    const app = await createApp(d, { owner: "isv", name: "Official Helper" });
    const installationId = await install(d, {
      account: "acme",
      applicationId: app.id,
      scopes: ["openid"],
      source: "provisioned",
    });
    await d.insert(s.assignments).values({ installationId, principalType: "user", principalId: admin.userId! });
    await d.insert(s.personalConsents).values({ installationId, subject: admin.subject });
    await issueTokens(d, { account: "acme", applicationId: app.id, installationId, tokens: 3, subject: admin.subject });
    expect(await liveTokens(d, installationId)).toEqual({ access: 3, refresh: 3 });

    await deleteInstallation({ actor: admin, clientId: app.clientId });

    expect(await d.select().from(s.assignments).where(eq(s.assignments.installationId, installationId))).toEqual([]);
    expect(
      await d.select().from(s.personalConsents).where(eq(s.personalConsents.installationId, installationId)),
    ).toEqual([]);
    expect(await liveTokens(d, installationId)).toEqual({ access: 0, refresh: 0 });
    const events = await d
      .select({ actor: s.auditEvents.actor, accountId: s.auditEvents.accountId, detail: s.auditEvents.detail })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, "DeleteApplication"), eq(s.auditEvents.targetId, installationId)));
    expect(events).toEqual([
      {
        actor: "admin@acme.onaliyun.com",
        accountId: acme,
        detail: { clientId: app.clientId, name: "Official Helper", scopes: ["openid"], source: "provisioned" },
      },
    ]);
    expect((await listInstallations(d, acme, { search: "Official Helper" })).total).toBe(0);
    // Re-authorize: the account may install it again; the new installation is a new row.
    const again = await install(d, { account: "acme", applicationId: app.id, scopes: ["openid"] });
    expect(again).not.toBe(installationId);
  });

  it(
    "Delete Application ends all 100 000 tokens of an installation at once, as it does 10 (both times printed; the bench holds the speed target)",
    { timeout: 180_000 },
    async () => {
      const d = db().db;
      const admin = await principalOf(d, "admin@globex");
      const timeDelete = async (tokens: number) => {
        const app = await createApp(d, { owner: "isv", name: `Busy App ${tokens}` });
        const installationId = await install(d, { account: "globex", applicationId: app.id, scopes: ["openid"] });
        const grantId = await issueTokens(d, { account: "globex", applicationId: app.id, installationId, tokens });
        const samples = [1, Math.ceil(tokens / 2), tokens];
        const valid = async () => {
          const checks = samples.flatMap((i) => [
            validateAccessToken(rawToken("access", grantId, i)),
            validateRefreshToken(rawToken("refresh", grantId, i)),
          ]);
          return (await Promise.all(checks)).map((info) => info?.installationId ?? null);
        };
        expect(await valid()).toEqual(samples.flatMap(() => [installationId, installationId]));
        expect(await liveTokens(d, installationId)).toEqual({ access: tokens, refresh: tokens });
        const started = performance.now();
        await deleteInstallation({ actor: admin, clientId: app.clientId });
        const ms = performance.now() - started;
        expect(await valid()).toEqual(samples.flatMap(() => [null, null]));
        expect(await liveTokens(d, installationId)).toEqual({ access: 0, refresh: 0 });
        return ms;
      };
      await timeDelete(10); // warm-up: plans and connections
      const small = await timeDelete(10);
      const large = await timeDelete(100_000);
      console.log(
        `[${process.env.TEST_DB}] Delete Application: ${small.toFixed(1)} ms with 10 tokens, ${large.toFixed(1)} ms with 100 000 tokens`,
      );
    },
  );
});
