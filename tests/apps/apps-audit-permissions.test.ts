import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { addAppScope } from "@/lib/apps/add-app-scope";
import { getApplication, listApplications } from "@/lib/apps/app-queries";
import { createAppSecret } from "@/lib/apps/create-app-secret";
import { createApplication } from "@/lib/apps/create-application";
import { deleteAppScope } from "@/lib/apps/delete-app-scope";
import { deleteAppSecret } from "@/lib/apps/delete-app-secret";
import { deleteApplication } from "@/lib/apps/delete-application";
import { setScopeRequired } from "@/lib/apps/set-scope-required";
import { updateApplication } from "@/lib/apps/update-application";
import { getClient } from "@/lib/apps/clients";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { appInput } from "../fixtures/app-inputs";

/** The audit trail of an application's changes, its deletion with everything on it, and who may change or read it. */
const db = setupSeededDatabase();
const who = (name: string) => principalOf(db().db, name);

describe(`registering applications on ${process.env.TEST_DB}`, () => {
  it("writes an audit row for every change, never with the secret", async () => {
    const owner = await who("owner@isv");
    const { clientId, clientSecret } = await createApplication({ actor: owner, input: appInput() });
    await updateApplication({ actor: owner, clientId, input: { description: "Described" } });
    await addAppScope({ actor: owner, clientId, input: { scope: "aliuid", required: false } });
    await setScopeRequired({ actor: owner, clientId, scope: "aliuid", input: { required: true } });
    await deleteAppScope({ actor: owner, clientId, scope: "aliuid" });
    const extra = await createAppSecret({ actor: owner, clientId });
    await deleteAppSecret({ actor: owner, clientId, secretId: extra.id });
    await deleteApplication({ actor: owner, clientId });
    const events = await db()
      .db.select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.targetType, "application"), eq(s.auditEvents.targetId, clientId)))
      .orderBy(s.auditEvents.id);
    expect(events.map((e) => [e.action, e.actor])).toEqual(
      [
        "CreateApplication",
        "UpdateApplication",
        "AddAppScope",
        "UpdateAppScope",
        "DeleteAppScope",
        "CreateAppSecret",
        "DeleteAppSecret",
        "DeleteApplication",
      ].map((a) => [a, "owner@isv.example"]),
    );
    const text = JSON.stringify(events);
    expect(text).not.toContain(clientSecret!);
    expect(text).not.toContain(extra.secret);
  });

  it("deletes an application with its scopes, secrets and installations; the client is gone at once", async () => {
    const owner = await who("owner@isv");
    const acme = await who("owner@acme");
    const { clientId } = await createApplication({ actor: owner, input: appInput({ thirdParty: true }) });
    const [app] = await db()
      .db.select({ id: s.applications.id })
      .from(s.applications)
      .where(eq(s.applications.clientId, clientId));
    await db()
      .db.insert(s.installations)
      .values({
        accountId: acme.accountId,
        applicationId: app!.id,
        scopes: ["openid"],
        source: "consent",
        installedBy: "owner@acme.example",
      });
    expect(await getClient(clientId)).not.toBeNull();
    await deleteApplication({ actor: owner, clientId });
    expect(await getClient(clientId)).toBeNull();
    expect(await db().db.select().from(s.appSecrets).where(eq(s.appSecrets.applicationId, app!.id))).toEqual([]);
    expect(await db().db.select().from(s.appScopes).where(eq(s.appScopes.applicationId, app!.id))).toEqual([]);
    expect(await db().db.select().from(s.installations).where(eq(s.installations.applicationId, app!.id))).toEqual([]);
    await expect(deleteApplication({ actor: owner, clientId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets only administrators change applications; readers may read", async () => {
    const owner = await who("owner@isv");
    const { clientId } = await createApplication({ actor: owner, input: appInput() });
    for (const plain of ["carol@globex", "alice@acme", "bob@acme"]) {
      await expect(createApplication({ actor: await who(plain), input: appInput() }), plain).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    const acmeAdmin = await who("admin@acme");
    const acmeApp = await createApplication({ actor: acmeAdmin, input: appInput() });
    const bob = await who("bob@acme");
    await expect(
      updateApplication({ actor: bob, clientId: acmeApp.clientId, input: { name: "x" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(createAppSecret({ actor: bob, clientId: acmeApp.clientId })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await listApplications(db().db, bob.accountId)).items.map((a) => a.clientId)).toContain(acmeApp.clientId);
    expect(await getApplication(db().db, bob.accountId, clientId)).toBeNull();
  });

  it("hides one account's applications from another account's administrator", async () => {
    const owner = await who("owner@isv");
    const globex = await who("admin@globex");
    const { clientId } = await createApplication({ actor: owner, input: appInput() });
    const [secret] = await db()
      .db.select({ id: s.appSecrets.id })
      .from(s.appSecrets)
      .innerJoin(s.applications, eq(s.applications.id, s.appSecrets.applicationId))
      .where(eq(s.applications.clientId, clientId));
    const attempts = [
      () => updateApplication({ actor: globex, clientId, input: { name: "Hijacked" } }),
      () => deleteApplication({ actor: globex, clientId }),
      () => addAppScope({ actor: globex, clientId, input: { scope: "aliuid", required: true } }),
      () => setScopeRequired({ actor: globex, clientId, scope: "profile", input: { required: true } }),
      () => deleteAppScope({ actor: globex, clientId, scope: "profile" }),
      () => createAppSecret({ actor: globex, clientId }),
      () => deleteAppSecret({ actor: globex, clientId, secretId: secret!.id }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    expect(await getApplication(db().db, globex.accountId, clientId)).toBeNull();
    expect((await listApplications(db().db, globex.accountId)).items.map((a) => a.clientId)).not.toContain(clientId);
    const read = await getApplication(db().db, owner.accountId, clientId);
    expect(read).toMatchObject({ name: expect.stringMatching(/^Test App/), secrets: [{ id: secret!.id }] });
    expect(read!.scopes.map((x) => x.scope)).toEqual(["openid", "profile"]);
  });
});
