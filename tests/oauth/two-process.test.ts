import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { and, eq } from "drizzle-orm";
import { decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { newClientId } from "@/lib/apps/client-id";
import { consentCsrfToken } from "@/lib/oauth/consent-requests";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { CHALLENGE, createClient, VERIFIER, type TestClient } from "../fixtures/oauth-fixtures";
import type { Change } from "../fixtures/two-process-server";

/**
 * Scale-out (DESIGN.md): two console processes on one PostgreSQL database. Process 2 first serves
 * a request that reads the application (so a per-process cache would now hold it), then process 1
 * changes it through a domain service; process 2's very next request must honour the change.
 * PGlite serves one process per data folder, so this runs on PostgreSQL only.
 */
const onPostgres = process.env.TEST_DB === "postgres";
const db = setupSeededDatabase();

type Proc = { url: string; child: ChildProcess };
let p1: Proc;
let p2: Proc;
let app: TestClient;
let cookie: string;
let sid: string;
const second = "http://127.0.0.1:9999/second";

async function start(databaseUrl: string): Promise<Proc> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/two-process-server.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    lines.on("line", (line) => {
      const m = /^listening (\d+)$/.exec(line);
      if (m) resolve(m[1]!);
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

beforeAll(async () => {
  if (!onPostgres) return;
  const url = (db().pool as unknown as { options: { connectionString: string } }).options.connectionString;
  [p1, p2] = await Promise.all([start(url), start(url)]);
  // A console App ID (4 + 18 digits), so that the console's own services accept it.
  const created = await createClient(db().db, "WebApp", ["openid", "profile", "aliuid"]);
  app = { ...created, clientId: newClientId() };
  await db()
    .db.update(s.applications)
    .set({ clientId: app.clientId, redirectUris: [app.redirectUri, second] })
    .where(eq(s.applications.id, app.id));
  ({ cookie, sid } = await sessionCookieFor(db().db, await principalOf(db().db, "admin@acme")));
}, 120_000);

afterAll(async () => {
  for (const p of [p1, p2]) {
    if (!p || p.child.exitCode !== null) continue;
    const exited = new Promise((resolve) => p.child.once("exit", resolve));
    p.child.kill("SIGTERM");
    await exited;
  }
});

async function changeIn(p: Proc, c: Change): Promise<Record<string, unknown>> {
  const res = await fetch(`${p.url}/__change`, { method: "POST", body: JSON.stringify(c) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: Record<string, unknown> }).result;
}

function authorize(p: Proc, opts: { redirectUri?: string; scope?: string } = {}) {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: app.clientId,
    redirect_uri: opts.redirectUri ?? app.redirectUri,
    scope: opts.scope ?? "openid profile aliuid",
    state: "st",
    code_challenge: CHALLENGE,
    code_challenge_method: "S256",
  });
  return fetch(`${p.url}/oauth2/authorize?${q}`, { headers: { cookie }, redirect: "manual" });
}

/** Authorize through `p` until the consent screen: the consent request id. */
async function consentRequest(p: Proc, scope?: string): Promise<string> {
  const res = await authorize(p, { scope });
  expect(res.status).toBe(302);
  const location = res.headers.get("location")!;
  expect(location).toMatch(/^\/oauth2\/consent\//);
  return location.split("/").pop()!;
}

const consentPage = (p: Proc, id: string) => fetch(`${p.url}/oauth2/consent/${id}`, { headers: { cookie } });

function grant(p: Proc, id: string, scopes: string[]) {
  const body = new URLSearchParams({ request_id: id, csrf_token: consentCsrfToken(sid, id), decision: "grant" });
  for (const scope of scopes) body.append("scope", scope);
  return fetch(`${p.url}/oauth2/decision`, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: body.toString(),
    redirect: "manual",
  });
}

function postForm(p: Proc, path: string, params: Record<string, string>, secret: string) {
  return fetch(`${p.url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${app.clientId}:${secret}`).toString("base64")}`,
    },
    body: new URLSearchParams(params).toString(),
  });
}

async function exchange(p: Proc, code: string, secret: string) {
  const res = await postForm(
    p,
    "/oauth2/token",
    { grant_type: "authorization_code", code, redirect_uri: app.redirectUri, code_verifier: VERIFIER },
    secret,
  );
  expect(res.status).toBe(200);
  return (await res.json()) as { access_token: string; id_token: string };
}

async function installationsOfAcme() {
  const admin = await principalOf(db().db, "admin@acme");
  return db()
    .db.select({ scopes: s.installations.scopes })
    .from(s.installations)
    .where(and(eq(s.installations.accountId, admin.accountId), eq(s.installations.applicationId, app.id)));
}

describe.skipIf(!onPostgres)(
  "two console processes on one PostgreSQL database: a change through one is honoured by the other's next request",
  () => {
    it("a redirect URI removed through process 1 is refused by process 2", async () => {
      await consentRequest(p2);
      expect((await authorize(p2, { redirectUri: second })).status).toBe(302);
      await changeIn(p1, {
        op: "updateApplication",
        who: "owner@isv",
        clientId: app.clientId,
        input: { redirectUris: [app.redirectUri] },
      });
      const res = await authorize(p2, { redirectUri: second });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("not registered");
    });

    it("third-party turned off through process 1: process 2 installs nothing on Grant and refuses to authorize", async () => {
      const id = await consentRequest(p2);
      expect((await consentPage(p2, id)).status).toBe(200);
      await changeIn(p1, {
        op: "updateApplication",
        who: "owner@isv",
        clientId: app.clientId,
        input: { thirdParty: false },
      });
      const res = await grant(p2, id, ["openid", "profile"]);
      expect(res.status).toBe(403);
      expect(await installationsOfAcme()).toEqual([]);
      const again = await authorize(p2);
      expect(new URL(again.headers.get("location")!).searchParams.get("error")).toBe("access_denied");
      await changeIn(p1, {
        op: "updateApplication",
        who: "owner@isv",
        clientId: app.clientId,
        input: { thirdParty: true },
      });
    });

    it("a scope deleted through process 1 is not granted by process 2 into an installation", async () => {
      const id = await consentRequest(p2, "openid profile aliuid");
      expect(await (await consentPage(p2, id)).text()).toContain("aliuid");
      await changeIn(p1, { op: "deleteAppScope", who: "owner@isv", clientId: app.clientId, scope: "aliuid" });
      const res = await grant(p2, id, ["openid", "profile", "aliuid"]);
      expect(res.status).toBe(400);
      expect(await installationsOfAcme()).toEqual([]);
      const scoped = await authorize(p2, { scope: "openid aliuid" });
      expect(new URL(scoped.headers.get("location")!, p2.url).searchParams.get("error")).toBe("invalid_scope");
    });

    it("a signing key rotated through process 1 signs process 2's next ID token", async () => {
      const id = await consentRequest(p2, "openid profile");
      const granted = await grant(p2, id, ["openid", "profile"]);
      expect(granted.status).toBe(303);
      expect(await installationsOfAcme()).toEqual([{ scopes: ["openid", "profile"] }]);
      const before = await exchange(
        p2,
        new URL(granted.headers.get("location")!).searchParams.get("code")!,
        app.secret!,
      );
      const { kid } = (await changeIn(p1, { op: "rotateSigningKey" })) as { kid: string };
      expect(decodeProtectedHeader(before.id_token).kid).not.toBe(kid);
      const silent = await authorize(p2, { scope: "openid profile" });
      const after = await exchange(p2, new URL(silent.headers.get("location")!).searchParams.get("code")!, app.secret!);
      expect(decodeProtectedHeader(after.id_token).kid).toBe(kid);
    });

    it("a secret deleted through process 1 is refused by process 2; an installation deleted through process 1 makes its tokens inactive in process 2", async () => {
      const silent = await authorize(p2, { scope: "openid profile" });
      const tokens = await exchange(
        p2,
        new URL(silent.headers.get("location")!).searchParams.get("code")!,
        app.secret!,
      );
      const introspect = (secret: string) => postForm(p2, "/oauth2/introspect", { token: tokens.access_token }, secret);
      expect(await (await introspect(app.secret!)).json()).toMatchObject({ active: true });

      const created = (await changeIn(p1, { op: "createAppSecret", who: "owner@isv", clientId: app.clientId })) as {
        secret: string;
      };
      const [old] = await db()
        .db.select({ id: s.appSecrets.id })
        .from(s.appSecrets)
        .where(and(eq(s.appSecrets.applicationId, app.id), eq(s.appSecrets.prefix, app.secret!.slice(0, 6))));
      await changeIn(p1, { op: "deleteAppSecret", who: "owner@isv", clientId: app.clientId, secretId: old!.id });
      expect((await introspect(app.secret!)).status).toBe(401);
      expect(await (await introspect(created.secret)).json()).toMatchObject({ active: true });

      await changeIn(p1, { op: "deleteInstallation", who: "admin@acme", clientId: app.clientId });
      expect(await (await introspect(created.secret)).json()).toEqual({ active: false });
      expect(
        (await fetch(`${p2.url}/oauth2/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } }))
          .status,
      ).toBe(401);
    });

    it("an application deleted through process 1: process 2's consent page says so (not 500) and Grant installs nothing", async () => {
      const id = await consentRequest(p2, "openid profile");
      expect((await consentPage(p2, id)).status).toBe(200);
      await changeIn(p1, { op: "deleteApplication", who: "owner@isv", clientId: app.clientId });
      const page = await consentPage(p2, id);
      expect(page.status).toBe(410);
      expect(await page.text()).toContain("no longer exists");
      const res = await grant(p2, id, ["openid", "profile"]);
      expect(res.status).toBe(404);
      expect(await installationsOfAcme()).toEqual([]);
    });
  },
);
