import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { createAssignments } from "@/lib/apps/create-assignments";
import { provisionOfficialApp } from "@/lib/apps/provision-official-app";
import { getClient } from "@/lib/apps/clients";
import { decideConsent, isStale, type PendingConsent } from "@/lib/oauth/consent-outcome";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { createClient, installApp } from "../fixtures/oauth-fixtures";

/** One test per outcome of the consent decision (lib/oauth/consent-outcome.ts). */
const db = setupSeededDatabase();
const MCP = "4000000000000000001";

async function decide(who: string, clientId: string, pending?: Partial<PendingConsent>) {
  const client = await getClient(clientId);
  const principal = await principalOf(db().db, who);
  const full = pending && {
    kind: "install" as const,
    applicationId: client?.id ?? "",
    request: { redirectUri: client?.redirectUris[0] ?? "" },
    ...pending,
  };
  return decideConsent(db().db, { client, principal, pending: full });
}

async function provisioned() {
  const admin = await principalOf(db().db, "admin@acme");
  const [installed] = await db()
    .db.select({ id: s.installations.id })
    .from(s.installations)
    .innerJoin(s.applications, eq(s.applications.id, s.installations.applicationId))
    .where(eq(s.applications.clientId, MCP));
  if (!installed) await provisionOfficialApp({ actor: admin, clientId: MCP, optionalScopes: [] });
  return admin;
}

describe(`the consent decision on ${process.env.TEST_DB}`, () => {
  it("own-app: the account's own application needs no consent", async () => {
    const app = await createClient(db().db, "WebApp");
    expect(await decide("owner@isv", app.clientId)).toEqual({ kind: "own-app" });
  });

  it("refuse: another account's application that is not third-party", async () => {
    const app = await createClient(db().db, "WebApp");
    await db().db.update(s.applications).set({ thirdParty: false }).where(eq(s.applications.id, app.id));
    expect(await decide("admin@acme", app.clientId)).toMatchObject({
      kind: "refuse",
      reason: "not-third-party",
      error: "access_denied",
    });
    const pending = await decide("admin@acme", app.clientId, {});
    expect(pending).toMatchObject({
      kind: "refuse",
      reason: "not-third-party",
      description: "This application is no longer available to other accounts.",
    });
    expect(isStale(pending)).toBe(true);
  });

  it("install-consent: not installed, and the person is an administrator", async () => {
    const app = await createClient(db().db, "WebApp");
    expect(await decide("admin@acme", app.clientId)).toEqual({ kind: "install-consent" });
    expect(await decide("owner@acme", app.clientId)).toEqual({ kind: "install-consent" });
  });

  it("ask-admin: not installed, and the person can not install it; names who can", async () => {
    const app = await createClient(db().db, "WebApp");
    expect(await decide("alice@acme", app.clientId)).toEqual({
      kind: "ask-admin",
      admins: ["owner@acme.example", "admin@acme.onaliyun.com"],
    });
  });

  it("issue-code: installed for the account, for everyone in it", async () => {
    const app = await createClient(db().db, "WebApp");
    const id = await installApp(db().db, "acme", app.id, ["openid"]);
    expect(await decide("alice@acme", app.clientId)).toEqual({
      kind: "issue-code",
      installation: expect.objectContaining({ id, scopes: ["openid"] }),
    });
  });

  it("install-consent for a pending install request even when someone installed it meanwhile", async () => {
    const app = await createClient(db().db, "WebApp");
    await installApp(db().db, "acme", app.id, ["openid"]);
    expect(await decide("admin@acme", app.clientId, { kind: "install" })).toEqual({ kind: "install-consent" });
  });

  it("refuse unassigned: an official application the person is not assigned to", async () => {
    await provisioned();
    expect(await decide("bob@acme", MCP)).toMatchObject({
      kind: "refuse",
      reason: "unassigned",
      status: 403,
      error: "access_denied",
    });
    expect(await decide("bob@acme", MCP, { kind: "personal" })).toMatchObject({ kind: "refuse", reason: "unassigned" });
  });

  it("personal-consent, then issue-code: an assigned person consents once", async () => {
    const admin = await provisioned();
    const alice = await principalOf(db().db, "alice@acme");
    await createAssignments({
      actor: admin,
      clientId: MCP,
      assignees: [{ principalType: "user", principalId: alice.userId! }],
    });
    const first = await decide("alice@acme", MCP);
    expect(first).toMatchObject({ kind: "personal-consent", installation: { id: expect.any(String) } });
    if (first.kind !== "personal-consent") throw new Error("unreachable");
    await db().db.insert(s.personalConsents).values({ installationId: first.installation.id, subject: alice.subject });
    expect(await decide("alice@acme", MCP)).toMatchObject({
      kind: "issue-code",
      installation: { id: first.installation.id },
    });
    // The pending personal request is still answered with the personal consent screen.
    expect(await decide("alice@acme", MCP, { kind: "personal" })).toMatchObject({ kind: "personal-consent" });
  });

  it("refuse not-installed: a pending personal request after the application was deleted from the account", async () => {
    const app = await createClient(db().db, "WebApp");
    expect(await decide("alice@acme", app.clientId, { kind: "personal" })).toMatchObject({
      kind: "refuse",
      reason: "not-installed",
      status: 404,
    });
  });

  it("refuse stale: the application is gone or replaced, or no longer registers the redirect URI", async () => {
    const app = await createClient(db().db, "WebApp");
    const gone = await decide("admin@acme", "0000000000000000000", {});
    expect(gone).toMatchObject({ kind: "refuse", reason: "app-gone", status: 404 });
    expect(
      await decide("admin@acme", app.clientId, { applicationId: "00000000-0000-0000-0000-000000000000" }),
    ).toMatchObject({
      reason: "app-gone",
    });
    const uri = await decide("admin@acme", app.clientId, { request: { redirectUri: "http://127.0.0.1:1/elsewhere" } });
    expect(uri).toMatchObject({ kind: "refuse", reason: "redirect-uri-gone", status: 400 });
    expect(isStale(uri)).toBe(true);
    expect(isStale(await decide("bob@acme", MCP))).toBe(false);
  });
});
