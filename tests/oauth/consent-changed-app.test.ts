import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { newClientId } from "@/lib/apps/client-id";
import { deleteApplication } from "@/lib/apps/delete-application";
import { updateApplication } from "@/lib/apps/update-application";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { consentPageEndpoint } from "@/lib/oauth/consent-page";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { createClient, type TestClient } from "../fixtures/oauth-fixtures";
import { authorizeQuery, grantConsent } from "../fixtures/authorize-requests";

/** The application changes between the consent screen and Grant: Grant acts on the application as it is now. */
const db = setupSeededDatabase();
const ISSUER = "http://localhost:3000";

async function freshApp(): Promise<TestClient> {
  const created = await createClient(db().db, "WebApp", ["openid", "profile"]);
  const app = { ...created, clientId: newClientId() };
  await db().db.update(s.applications).set({ clientId: app.clientId }).where(eq(s.applications.id, app.id));
  return app;
}

async function pendingConsent(app: TestClient) {
  const session = await sessionCookieFor(db().db, await principalOf(db().db, "admin@acme"));
  const { cookie } = session;
  const q = authorizeQuery(app);
  const res = await authorizeEndpoint(new Request(`${ISSUER}/oauth2/authorize?${q}`, { headers: { cookie } }));
  const location = res.headers.get("location")!;
  expect(location).toMatch(/^\/oauth2\/consent\//);
  const id = location.split("/").pop()!;
  const page = () => consentPageEndpoint(new Request(`${ISSUER}/oauth2/consent/${id}`, { headers: { cookie } }));
  const grant = () => grantConsent(session, id);
  return { page, grant };
}

async function installed(app: TestClient) {
  const admin = await principalOf(db().db, "admin@acme");
  return db()
    .db.select({ id: s.installations.id })
    .from(s.installations)
    .where(and(eq(s.installations.accountId, admin.accountId), eq(s.installations.applicationId, app.id)));
}

describe(`Grant after the application changed, on ${process.env.TEST_DB}`, () => {
  it("the redirect URI was removed meanwhile: an error page, no redirect to it, nothing installed", async () => {
    const app = await freshApp();
    const consent = await pendingConsent(app);
    const owner = await principalOf(db().db, "owner@isv");
    await updateApplication({
      actor: owner,
      clientId: app.clientId,
      input: { redirectUris: ["http://127.0.0.1:9999/other"] },
    });
    expect((await consent.page()).status).toBe(410);
    const res = await consent.grant();
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await installed(app)).toEqual([]);
  });

  it("third-party was turned off meanwhile: Grant is refused (403) and nothing is installed", async () => {
    const app = await freshApp();
    const consent = await pendingConsent(app);
    await updateApplication({
      actor: await principalOf(db().db, "owner@isv"),
      clientId: app.clientId,
      input: { thirdParty: false },
    });
    const res = await consent.grant();
    expect(res.status).toBe(403);
    expect(await installed(app)).toEqual([]);
  });

  it("the application was deleted meanwhile: the consent page says so (410) and Grant answers 404, never 500", async () => {
    const app = await freshApp();
    const consent = await pendingConsent(app);
    await deleteApplication({ actor: await principalOf(db().db, "owner@isv"), clientId: app.clientId });
    const page = await consent.page();
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("no longer exists");
    expect((await consent.grant()).status).toBe(404);
  });
});
