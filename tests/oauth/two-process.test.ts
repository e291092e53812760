import { and, eq } from "drizzle-orm";
import { decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { newClientId } from "@/lib/apps/client-id";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { createClient } from "../fixtures/oauth-fixtures";
import {
  authorize,
  changeIn,
  consentPage,
  consentRequest,
  exchange,
  grant,
  postForm,
  startConsole,
  stopConsoles,
  type Caller,
  type Proc,
} from "../fixtures/two-process-client";

/**
 * Scale-out (DESIGN.md): two console processes on one PostgreSQL database. Process 2 first serves
 * a request that reads the application (so a per-process cache would now hold it), then process 1
 * changes it through a domain service; process 2's very next request must honour the change.
 * PGlite serves one process per data folder, so this runs on PostgreSQL only.
 */
const onPostgres = process.env.TEST_DB === "postgres";
const db = setupSeededDatabase();

let p1: Proc;
let p2: Proc;
const caller = {} as Caller;
const second = "http://127.0.0.1:9999/second";

beforeAll(async () => {
  if (!onPostgres) return;
  const url = (db().pool as unknown as { options: { connectionString: string } }).options.connectionString;
  [p1, p2] = await Promise.all([startConsole(url), startConsole(url)]);
  // A console App ID (4 + 18 digits), so that the console's own services accept it.
  const created = await createClient(db().db, "WebApp", ["openid", "profile", "aliuid"]);
  const app = { ...created, clientId: newClientId() };
  await db()
    .db.update(s.applications)
    .set({ clientId: app.clientId, redirectUris: [app.redirectUri, second] })
    .where(eq(s.applications.id, app.id));
  Object.assign(caller, { app }, await sessionCookieFor(db().db, await principalOf(db().db, "admin@acme")));
}, 120_000);

afterAll(() => stopConsoles([p1, p2]));

/** The code in a redirect to the client. */
const codeOf = (res: Response) => new URL(res.headers.get("location")!).searchParams.get("code")!;

async function installationsOfAcme() {
  const admin = await principalOf(db().db, "admin@acme");
  return db()
    .db.select({ scopes: s.installations.scopes })
    .from(s.installations)
    .where(and(eq(s.installations.accountId, admin.accountId), eq(s.installations.applicationId, caller.app.id)));
}

describe.skipIf(!onPostgres)(
  "two console processes on one PostgreSQL database: a change through one is honoured by the other's next request",
  () => {
    it("a redirect URI removed through process 1 is refused by process 2", async () => {
      await consentRequest(p2, caller);
      expect((await authorize(p2, caller, { redirectUri: second })).status).toBe(302);
      await changeIn(p1, {
        op: "updateApplication",
        who: "owner@isv",
        clientId: caller.app.clientId,
        input: { redirectUris: [caller.app.redirectUri] },
      });
      const res = await authorize(p2, caller, { redirectUri: second });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("not registered");
    });

    it("third-party turned off through process 1: process 2 installs nothing on Grant and refuses to authorize", async () => {
      const id = await consentRequest(p2, caller);
      expect((await consentPage(p2, caller, id)).status).toBe(200);
      await changeIn(p1, {
        op: "updateApplication",
        who: "owner@isv",
        clientId: caller.app.clientId,
        input: { thirdParty: false },
      });
      const res = await grant(p2, caller, id, ["openid", "profile"]);
      expect(res.status).toBe(403);
      expect(await installationsOfAcme()).toEqual([]);
      const again = await authorize(p2, caller);
      expect(new URL(again.headers.get("location")!).searchParams.get("error")).toBe("access_denied");
      await changeIn(p1, {
        op: "updateApplication",
        who: "owner@isv",
        clientId: caller.app.clientId,
        input: { thirdParty: true },
      });
    });

    it("a scope deleted through process 1 is not granted by process 2 into an installation", async () => {
      const id = await consentRequest(p2, caller, "openid profile aliuid");
      expect(await (await consentPage(p2, caller, id)).text()).toContain("aliuid");
      await changeIn(p1, { op: "deleteAppScope", who: "owner@isv", clientId: caller.app.clientId, scope: "aliuid" });
      const res = await grant(p2, caller, id, ["openid", "profile", "aliuid"]);
      expect(res.status).toBe(400);
      expect(await installationsOfAcme()).toEqual([]);
      const scoped = await authorize(p2, caller, { scope: "openid aliuid" });
      expect(new URL(scoped.headers.get("location")!, p2.url).searchParams.get("error")).toBe("invalid_scope");
    });

    it("a signing key rotated through process 1 signs process 2's next ID token", async () => {
      const id = await consentRequest(p2, caller, "openid profile");
      const granted = await grant(p2, caller, id, ["openid", "profile"]);
      expect(granted.status).toBe(303);
      expect(await installationsOfAcme()).toEqual([{ scopes: ["openid", "profile"] }]);
      const before = await exchange(p2, caller, codeOf(granted), caller.app.secret!);
      const { kid } = (await changeIn(p1, { op: "rotateSigningKey" })) as { kid: string };
      expect(decodeProtectedHeader(before.id_token).kid).not.toBe(kid);
      const silent = await authorize(p2, caller, { scope: "openid profile" });
      const after = await exchange(p2, caller, codeOf(silent), caller.app.secret!);
      expect(decodeProtectedHeader(after.id_token).kid).toBe(kid);
    });

    it("a secret deleted through process 1 is refused by process 2; an installation deleted through process 1 makes its tokens inactive in process 2", async () => {
      const silent = await authorize(p2, caller, { scope: "openid profile" });
      const tokens = await exchange(p2, caller, codeOf(silent), caller.app.secret!);
      const introspect = (secret: string) =>
        postForm(p2, caller, "/oauth2/introspect", { token: tokens.access_token }, secret);
      expect(await (await introspect(caller.app.secret!)).json()).toMatchObject({ active: true });

      const created = (await changeIn(p1, {
        op: "createAppSecret",
        who: "owner@isv",
        clientId: caller.app.clientId,
      })) as {
        secret: string;
      };
      const [old] = await db()
        .db.select({ id: s.appSecrets.id })
        .from(s.appSecrets)
        .where(
          and(eq(s.appSecrets.applicationId, caller.app.id), eq(s.appSecrets.prefix, caller.app.secret!.slice(0, 6))),
        );
      await changeIn(p1, { op: "deleteAppSecret", who: "owner@isv", clientId: caller.app.clientId, secretId: old!.id });
      expect((await introspect(caller.app.secret!)).status).toBe(401);
      expect(await (await introspect(created.secret)).json()).toMatchObject({ active: true });

      await changeIn(p1, { op: "deleteInstallation", who: "admin@acme", clientId: caller.app.clientId });
      expect(await (await introspect(created.secret)).json()).toEqual({ active: false });
      expect(
        (await fetch(`${p2.url}/oauth2/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } }))
          .status,
      ).toBe(401);
    });

    it("an application deleted through process 1: process 2's consent page says so (not 500) and Grant installs nothing", async () => {
      const id = await consentRequest(p2, caller, "openid profile");
      expect((await consentPage(p2, caller, id)).status).toBe(200);
      await changeIn(p1, { op: "deleteApplication", who: "owner@isv", clientId: caller.app.clientId });
      const page = await consentPage(p2, caller, id);
      expect(page.status).toBe(410);
      expect(await page.text()).toContain("no longer exists");
      const res = await grant(p2, caller, id, ["openid", "profile"]);
      expect(res.status).toBe(404);
      expect(await installationsOfAcme()).toEqual([]);
    });
  },
);
