import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/users/route";
import * as s from "@/db/schema";
import { addAppScope } from "@/lib/apps/add-app-scope";
import { deleteAppScope } from "@/lib/apps/delete-app-scope";
import { getInstallationDetails } from "@/lib/apps/installation-queries";
import { authorizeEndpoint } from "@/lib/oauth/authorize";
import { introspectionEndpoint } from "@/lib/oauth/introspection-endpoint";
import type { Principal } from "@/lib/ram/principal";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import {
  answer,
  CHALLENGE,
  codeFor,
  createConsoleClient,
  formRequest,
  postToken,
  VERIFIER,
  type TestClient,
} from "../fixtures/oauth-fixtures";

/**
 * Issue item 9: a scope the provider deletes is gone everywhere: from every installation, from the
 * token families, from what tokens issued before grant, from refreshes and from new codes.
 */
const db = setupSeededDatabase();
const FULL = "openid profile /acs/ram";
let app: TestClient;
let admin: Principal;
let provider: Principal;
let tokens: { access: string; refresh: string };
let codeBefore: string;

const exchange = (code: string) =>
  postToken(app, { grant_type: "authorization_code", code, redirect_uri: app.redirectUri, code_verifier: VERIFIER });
const listUsers = async (accessToken: string) =>
  answer(
    await GET(
      new Request("http://localhost:3000/api/v1/users", { headers: { authorization: `Bearer ${accessToken}` } }),
      { params: Promise.resolve({}) },
    ),
  );
const introspect = async (token: string) =>
  (await answer(await introspectionEndpoint(formRequest("/oauth2/introspect", app, { token })))).body;

beforeAll(async () => {
  admin = await principalOf(db().db, "admin@acme");
  provider = await principalOf(db().db, "owner@isv");
  app = await createConsoleClient(db().db, ["openid", "profile", "/acs/ram"]);
  const res = await exchange(await codeFor(db().db, app, "admin@acme", { scope: FULL }));
  expect(res.body.scope).toBe(FULL);
  tokens = { access: res.body.access_token as string, refresh: res.body.refresh_token as string };
  codeBefore = await codeFor(db().db, app, "admin@acme", { scope: FULL });
  // Before: the token works at /api/v1 and introspects with the scope.
  expect((await listUsers(tokens.access)).status).toBe(200);
  await deleteAppScope({ actor: provider, clientId: app.clientId, scope: "/acs/ram" });
});

describe(`a deleted scope is gone everywhere, on ${process.env.TEST_DB}`, () => {
  it("the installation and the token family no longer carry it; the detail page shows the truth", async () => {
    const [inst] = await db()
      .db.select()
      .from(s.installations)
      .where(and(eq(s.installations.applicationId, app.id), eq(s.installations.accountId, admin.accountId)));
    expect(inst!.scopes).toEqual(["openid", "profile"]);
    const families = await db()
      .db.select({ scope: s.grants.scope })
      .from(s.grants)
      .where(eq(s.grants.applicationId, app.id));
    expect(families.map((g) => g.scope)).toEqual(["openid profile"]);
    const details = await getInstallationDetails(db().db, admin.accountId, app.clientId);
    expect(details!.grantedScopes).toEqual(["openid", "profile"]);
    expect(details!.scopes.map((r) => [r.scope, r.granted])).toEqual([
      ["openid", true],
      ["profile", true],
    ]);
  });

  it("a token issued before no longer grants it: /api/v1 answers 403 insufficient_scope, introspection omits it", async () => {
    const res = await listUsers(tokens.access);
    expect([res.status, res.body.error]).toEqual([403, "insufficient_scope"]);
    expect(await introspect(tokens.access)).toMatchObject({ active: true, scope: "openid profile" });
    expect(await introspect(tokens.refresh)).toMatchObject({ active: true, scope: "openid profile" });
  });

  it("a refresh does not carry it, and can not ask for it back", async () => {
    const widen = await postToken(app, { grant_type: "refresh_token", refresh_token: tokens.refresh, scope: FULL });
    expect([widen.status, widen.body.error]).toEqual([400, "invalid_scope"]);
    const res = await postToken(app, { grant_type: "refresh_token", refresh_token: tokens.refresh });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe("openid profile");
    expect(await introspect(res.body.access_token as string)).toMatchObject({ active: true, scope: "openid profile" });
  });

  it("a code issued before the deletion does not carry it", async () => {
    const res = await exchange(codeBefore);
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe("openid profile");
    const res2 = await listUsers(res.body.access_token as string);
    expect([res2.status, res2.body.error]).toEqual([403, "insufficient_scope"]);
  });

  it("declared again by the provider, it is not granted back: a new code does not carry it until an administrator grants it again", async () => {
    await addAppScope({ actor: provider, clientId: app.clientId, input: { scope: "/acs/ram" } });
    const { cookie } = await sessionCookieFor(db().db, admin);
    const url = new URL("http://localhost:3000/oauth2/authorize");
    url.search = new URLSearchParams({
      response_type: "code",
      client_id: app.clientId,
      redirect_uri: app.redirectUri,
      scope: FULL,
      state: "s",
      code_challenge: CHALLENGE,
      code_challenge_method: "S256",
    }).toString();
    const redirect = await authorizeEndpoint(new Request(url, { headers: { cookie } }));
    const code = new URL(redirect.headers.get("location")!).searchParams.get("code");
    expect(code).toBeTruthy();
    const res = await exchange(code!);
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe("openid profile");
    expect(
      (await getInstallationDetails(db().db, admin.accountId, app.clientId))!.scopes.find(
        (r) => r.scope === "/acs/ram",
      ),
    ).toMatchObject({ granted: false });
  });
});
