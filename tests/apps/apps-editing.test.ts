import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import * as s from "@/db/schema";
import { addAppScope } from "@/lib/apps/add-app-scope";
import { getApplication } from "@/lib/apps/app-queries";
import { createAppSecret } from "@/lib/apps/create-app-secret";
import { createApplication } from "@/lib/apps/create-application";
import { deleteAppScope } from "@/lib/apps/delete-app-scope";
import { deleteAppSecret } from "@/lib/apps/delete-app-secret";
import { setScopeRequired } from "@/lib/apps/set-scope-required";
import { updateApplication } from "@/lib/apps/update-application";
import { getClient } from "@/lib/apps/clients";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { appInput } from "../fixtures/app-inputs";

/** Changing a registered application: its fields, secrets and scopes; installations are never widened by it. */
const db = setupSeededDatabase();
const who = (name: string) => principalOf(db().db, name);

describe(`registering applications on ${process.env.TEST_DB}`, () => {
  it("edits an application, refuses a type change, and the client cache sees the change at once", async () => {
    const owner = await who("owner@isv");
    const { clientId } = await createApplication({ actor: owner, input: appInput() });
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
      input: appInput({ type: "ServerApp", redirectUris: [] }),
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
    const { clientId } = await createApplication({ actor: owner, input: appInput() });
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

  it("never widens an existing installation: adding a scope or making one required leaves its granted scope as it was", async () => {
    const owner = await who("owner@isv");
    const acme = await who("owner@acme");
    const { clientId } = await createApplication({
      actor: owner,
      input: appInput({
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
