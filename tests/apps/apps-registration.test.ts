import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import * as s from "@/db/schema";
import { addAppScope } from "@/lib/apps/add-app-scope";
import { getApplication, listApplications } from "@/lib/apps/app-queries";
import { createApplicationSchema, type CreateApplicationInput } from "@/lib/apps/app-schemas";
import { createAppSecret } from "@/lib/apps/create-app-secret";
import { createApplication } from "@/lib/apps/create-application";
import { deleteAppScope } from "@/lib/apps/delete-app-scope";
import { deleteAppSecret } from "@/lib/apps/delete-app-secret";
import { deleteApplication } from "@/lib/apps/delete-application";
import { setScopeRequired } from "@/lib/apps/set-scope-required";
import { updateApplication } from "@/lib/apps/update-application";
import { sha256 } from "@/lib/crypto/tokens";
import { getClient } from "@/lib/apps/clients";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";

const db = setupSeededDatabase();
const who = (name: string) => principalOf(db().db, name);

let n = 0;
function input(overrides: Partial<CreateApplicationInput> = {}): CreateApplicationInput {
  n += 1;
  return {
    name: `Test App ${n}`,
    type: "WebApp",
    redirectUris: ["https://app.example.com/callback"],
    scopes: [{ scope: "profile", required: false }],
    ...overrides,
  };
}

function issuesOf(result: { success: boolean; error?: ZodError }): string {
  return result.error ? result.error.issues.map((i) => i.message).join("; ") : "";
}

describe(`registering applications on ${process.env.TEST_DB}`, () => {
  it("creates a WebApp: a 19-digit App ID starting with 4, openid required, a secret shown once and stored hashed", async () => {
    const owner = await who("owner@isv");
    const created = await createApplication({ actor: owner, input: input({ thirdParty: true }) });
    expect(created.clientId).toMatch(/^4\d{18}$/);
    expect(created.app).toMatchObject({
      clientId: created.clientId,
      type: "WebApp",
      thirdParty: true,
      accessTokenValidity: 3600,
      refreshTokenValidity: 7776000,
    });
    expect(created.app.scopes.map((x) => [x.scope, x.required])).toEqual([
      ["openid", true],
      ["profile", false],
    ]);
    const secret = created.clientSecret!;
    expect(secret.length).toBeGreaterThanOrEqual(43);
    const rows = await db()
      .db.select()
      .from(s.appSecrets)
      .innerJoin(s.applications, eq(s.applications.id, s.appSecrets.applicationId))
      .where(eq(s.applications.clientId, created.clientId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.app_secrets.secretHash).toBe(sha256(secret));
    expect(rows[0]!.app_secrets.prefix).toBe(secret.slice(0, 6));
    // Reads never return the secret nor its hash.
    const read = await getApplication(db().db, owner.accountId, created.clientId);
    expect(read!.secrets).toEqual([
      { id: rows[0]!.app_secrets.id, prefix: secret.slice(0, 6), createdAt: expect.any(Date) },
    ]);
    const text = JSON.stringify(read);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(sha256(secret));
    const list = await listApplications(db().db, owner.accountId);
    expect(list.items.map((a) => a.clientId)).toContain(created.clientId);
    expect(JSON.stringify(list)).not.toContain(sha256(secret));
  });

  it("gives a NativeApp no secret, and refuses to add one", async () => {
    const owner = await who("owner@isv");
    const created = await createApplication({
      actor: owner,
      input: input({ type: "NativeApp", redirectUris: ["com.example.app:/callback", "http://127.0.0.1/callback"] }),
    });
    expect(created.clientSecret).toBeNull();
    expect(created.app.secrets).toEqual([]);
    await expect(createAppSecret({ actor: owner, clientId: created.clientId })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it.each([
    ["https://app.example.com/cb", "WebApp", true],
    ["https://app.example.com/cb?x=1", "WebApp", true],
    ["http://127.0.0.1:8765/callback", "WebApp", true],
    ["http://[::1]:8765/callback", "WebApp", true],
    ["http://localhost/callback", "WebApp", true],
    ["com.example.app:/callback", "NativeApp", true],
    ["http://app.example.com/cb", "WebApp", false],
    ["http://127.0.0.1.nip.io/cb", "WebApp", false],
    ["https://app.example.com/cb#frag", "WebApp", false],
    ["https://user:pw@app.example.com/cb", "WebApp", false],
    ["https://user@app.example.com/cb", "WebApp", false],
    ["/callback", "WebApp", false],
    ["app.example.com/cb", "WebApp", false],
    ["https://app.example.com/c b", "WebApp", false],
    ["com.example.app:/callback", "WebApp", false],
    ["javascript:alert(1)", "NativeApp", false],
    ["", "WebApp", false],
  ])("redirect URI %s for a %s is accepted: %s", (uri, type, ok) => {
    const result = createApplicationSchema.safeParse(input({ type: type as "WebApp", redirectUris: [uri] }));
    expect(result.success, issuesOf(result)).toBe(ok);
    if (!ok) expect(issuesOf(result)).toContain("Redirect URI");
  });

  it("validates the rest of the form with readable messages", () => {
    const bad = (o: Partial<CreateApplicationInput>) => issuesOf(createApplicationSchema.safeParse(input(o)));
    expect(bad({ redirectUris: Array.from({ length: 11 }, (_, i) => `https://a.example.com/${i}`) })).toContain(
      "at most 10 redirect URIs",
    );
    expect(bad({ redirectUris: ["https://a.example.com/cb", "https://a.example.com/cb"] })).toContain("listed twice");
    expect(bad({ redirectUris: [] })).toContain("needs at least one redirect URI");
    expect(bad({ type: "ServerApp", redirectUris: [] })).toBe("");
    expect(bad({ accessTokenValidity: 899 })).toContain("between 900 and 10800 seconds");
    expect(bad({ accessTokenValidity: 10801 })).toContain("between 900 and 10800 seconds");
    expect(bad({ accessTokenValidity: 900, refreshTokenValidity: 31536000 })).toBe("");
    expect(bad({ refreshTokenValidity: 7199 })).toContain("between 7200 and 31536000 seconds");
    expect(bad({ refreshTokenValidity: 31536001 })).toContain("between 7200 and 31536000 seconds");
    expect(bad({ logoUrl: "http://cdn.example.com/logo.png" })).toContain("The logo URL must use https");
    expect(bad({ logoUrl: "" })).toBe("");
    expect(bad({ homepageUrl: "ftp://example.com" })).toContain("The homepage URL");
    expect(bad({ name: "  " })).toContain("Enter a display name");
    expect(bad({ type: "Robot" as "WebApp" })).toContain("WebApp, NativeApp or ServerApp");
    expect(bad({ scopes: [{ scope: "email", required: true }] })).toContain("Unknown scope");
    expect(bad({ scopes: [{ scope: "openid", required: false }] })).toContain("always required");
    expect(
      bad({
        scopes: [
          { scope: "profile", required: true },
          { scope: "profile", required: false },
        ],
      }),
    ).toContain("listed twice");
  });

  it("edits an application, refuses a type change, and the client cache sees the change at once", async () => {
    const owner = await who("owner@isv");
    const { clientId } = await createApplication({ actor: owner, input: input() });
    expect((await getClient(clientId))!.name).toMatch(/^Test App/);
    const updated = await updateApplication({
      actor: owner,
      clientId,
      input: {
        name: "Renamed",
        redirectUris: ["http://127.0.0.1:9000/cb"],
        thirdParty: true,
        accessTokenValidity: 1800,
      },
    });
    expect(updated).toMatchObject({
      name: "Renamed",
      redirectUris: ["http://127.0.0.1:9000/cb"],
      thirdParty: true,
      accessTokenValidity: 1800,
    });
    expect(await getClient(clientId)).toMatchObject({ name: "Renamed", redirectUris: ["http://127.0.0.1:9000/cb"] });
    await expect(
      updateApplication({ actor: owner, clientId, input: { type: "NativeApp" } as never }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      updateApplication({ actor: owner, clientId, input: { redirectUris: ["com.example.app:/cb"] } }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      updateApplication({ actor: owner, clientId, input: { refreshTokenValidity: 7200, accessTokenValidity: 10800 } }),
    ).rejects.toBeInstanceOf(ZodError);
  });

  it("keeps at most two secrets, also when two requests race; deleting one makes room", async () => {
    const owner = await who("owner@isv");
    const { clientId, clientSecret } = await createApplication({
      actor: owner,
      input: input({ type: "ServerApp", redirectUris: [] }),
    });
    expect(clientSecret).toEqual(expect.any(String));
    const results = await Promise.allSettled([
      createAppSecret({ actor: owner, clientId }),
      createAppSecret({ actor: owner, clientId }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "conflict",
    });
    const second = (
      results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<
        Awaited<ReturnType<typeof createAppSecret>>
      >
    ).value;
    expect(second.secret).not.toBe(clientSecret);
    expect(second.prefix).toBe(second.secret.slice(0, 6));
    await expect(createAppSecret({ actor: owner, clientId })).rejects.toMatchObject({ code: "conflict" });
    await deleteAppSecret({ actor: owner, clientId, secretId: second.id });
    await expect(deleteAppSecret({ actor: owner, clientId, secretId: second.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(deleteAppSecret({ actor: owner, clientId, secretId: "not-a-uuid" })).rejects.toMatchObject({
      code: "not_found",
    });
    const third = await createAppSecret({ actor: owner, clientId });
    const read = await getApplication(db().db, owner.accountId, clientId);
    expect(read!.secrets.map((x) => x.id)).toContain(third.id);
    expect(read!.secrets).toHaveLength(2);
  });

  it("manages scopes; openid can neither be deleted nor made optional", async () => {
    const owner = await who("owner@isv");
    const { clientId } = await createApplication({ actor: owner, input: input() });
    await expect(deleteAppScope({ actor: owner, clientId, scope: "openid" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      setScopeRequired({ actor: owner, clientId, scope: "openid", input: { required: false } }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await addAppScope({ actor: owner, clientId, input: { scope: "/acs/ram", required: false } })).toEqual({
      scope: "/acs/ram",
      required: false,
    });
    await expect(
      addAppScope({ actor: owner, clientId, input: { scope: "/acs/ram", required: true } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(addAppScope({ actor: owner, clientId, input: { scope: "email" } })).rejects.toBeInstanceOf(ZodError);
    expect(await setScopeRequired({ actor: owner, clientId, scope: "/acs/ram", input: { required: true } })).toEqual({
      scope: "/acs/ram",
      required: true,
    });
    expect((await getClient(clientId))!.scopes).toContainEqual({ scope: "/acs/ram", required: true });
    await deleteAppScope({ actor: owner, clientId, scope: "profile" });
    await expect(deleteAppScope({ actor: owner, clientId, scope: "profile" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      setScopeRequired({ actor: owner, clientId, scope: "aliuid", input: { required: true } }),
    ).rejects.toMatchObject({ code: "not_found" });
    const read = await getApplication(db().db, owner.accountId, clientId);
    expect(read!.scopes.map((x) => [x.scope, x.required])).toEqual([
      ["openid", true],
      ["/acs/ram", true],
    ]);
  });

  it("lets only administrators change applications; readers may read", async () => {
    const owner = await who("owner@isv");
    const { clientId } = await createApplication({ actor: owner, input: input() });
    for (const plain of ["carol@globex", "alice@acme", "bob@acme"]) {
      await expect(createApplication({ actor: await who(plain), input: input() }), plain).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    const acmeAdmin = await who("admin@acme");
    const acmeApp = await createApplication({ actor: acmeAdmin, input: input() });
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
    const { clientId } = await createApplication({ actor: owner, input: input() });
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

  it("writes an audit row for every change, never with the secret", async () => {
    const owner = await who("owner@isv");
    const { clientId, clientSecret } = await createApplication({ actor: owner, input: input() });
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
    const { clientId } = await createApplication({ actor: owner, input: input({ thirdParty: true }) });
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

  it("never widens an existing installation: adding a scope or making one required leaves its granted scope as it was", async () => {
    const owner = await who("owner@isv");
    const acme = await who("owner@acme");
    const { clientId } = await createApplication({
      actor: owner,
      input: input({
        thirdParty: true,
        scopes: [
          { scope: "profile", required: true },
          { scope: "aliuid", required: false },
        ],
      }),
    });
    const [app] = await db()
      .db.select({ id: s.applications.id })
      .from(s.applications)
      .where(eq(s.applications.clientId, clientId));
    const [installed] = await db()
      .db.insert(s.installations)
      .values({
        accountId: acme.accountId,
        applicationId: app!.id,
        scopes: ["openid", "profile"],
        source: "consent",
        installedBy: "owner@acme.example",
      })
      .returning();
    await addAppScope({ actor: owner, clientId, input: { scope: "/acs/ram", required: true } });
    await setScopeRequired({ actor: owner, clientId, scope: "aliuid", input: { required: true } });
    await addAppScope({ actor: owner, clientId, input: { scope: "permissions", required: false } });
    await setScopeRequired({ actor: owner, clientId, scope: "permissions", input: { required: true } });
    const [after] = await db().db.select().from(s.installations).where(eq(s.installations.id, installed!.id));
    expect(after!.scopes).toEqual(["openid", "profile"]);
    expect(after!.updatedAt.getTime()).toBe(installed!.updatedAt.getTime());
    expect(
      (await getClient(clientId))!.scopes
        .filter((x) => x.required)
        .map((x) => x.scope)
        .sort(),
    ).toEqual(["/acs/ram", "aliuid", "openid", "permissions", "profile"]);
  });
});
