import { beforeAll, describe, expect, it } from "vitest";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { demoClient, userinfoStatus, type TestClient } from "../fixtures/oauth-fixtures";
import { introspect, obtainTokens, refreshGrant } from "../fixtures/token-requests";
import { ISSUER, send } from "../fixtures/route-cases";

/**
 * Disabling, deleting or re-keying a RAM user ends what that person holds: console sessions (their
 * own and their role sessions) and every app token, at once, through the console API.
 */
const db = setupSeededDatabase();
let app: TestClient;
let admin: Record<string, string>;

beforeAll(async () => {
  app = await demoClient(db().db);
  admin = {
    cookie: (await sessionCookieFor(db().db, await principalOf(db().db, "admin@acme"))).cookie,
    origin: ISSUER,
  };
});

type Held = {
  cookie: string;
  roleCookie: string;
  access: string;
  refresh: string;
  roleAccess: string;
  roleRefresh: string;
};

let n = 0;
/** A new RAM user (trusted for auditor) with a console session, a role session, and app tokens for both. */
async function personWithEverything(): Promise<{ userId: string; name: string; held: Held }> {
  const name = `victim${++n}`;
  const created = await send(
    "POST /users",
    { params: {}, body: { name, displayName: "Victim", password: "Str0ng-passw0rd" } },
    admin,
  );
  expect(created.status).toBe(201);
  const userId = ((await created.json()) as { id: string }).id;
  const roleId = (await principalOf(db().db, "alice@acme as auditor")).roleId!;
  expect((await send("POST /roles/[roleId]/trustees", { params: { roleId }, body: { userId } }, admin)).status).toBe(
    201,
  );
  const tokens = async (who: string) => {
    const t = await obtainTokens(db().db, app, who);
    return [t.access_token, t.refresh_token];
  };
  const [access, refresh] = await tokens(`${name}@acme`);
  const [roleAccess, roleRefresh] = await tokens(`${name}@acme as auditor`);
  const cookie = (await sessionCookieFor(db().db, await principalOf(db().db, `${name}@acme`))).cookie;
  const roleCookie = (await sessionCookieFor(db().db, await principalOf(db().db, `${name}@acme as auditor`))).cookie;
  return {
    userId,
    name,
    held: {
      cookie,
      roleCookie,
      access: access!,
      refresh: refresh!,
      roleAccess: roleAccess!,
      roleRefresh: roleRefresh!,
    },
  };
}

/** What each held credential gets now: console session, userinfo, refresh, introspection. */
async function statusOf(h: Held, opts: { refresh: boolean } = { refresh: true }) {
  const session = async (cookie: string) => (await send("GET /session", { params: {} }, { cookie })).status;
  const refresh = async (t: string) => (await refreshGrant(app, t)).body.error ?? "ok";
  const active = async (t: string) => (await introspect(app, { token: t })).body.active;
  return {
    session: await session(h.cookie),
    roleSession: await session(h.roleCookie),
    userinfo: await userinfoStatus(h.access),
    roleUserinfo: await userinfoStatus(h.roleAccess),
    accessActive: await active(h.access),
    refreshActive: await active(h.refresh),
    ...(opts.refresh ? { refresh: await refresh(h.refresh), roleRefresh: await refresh(h.roleRefresh) } : {}),
  };
}
const ALIVE = {
  session: 200,
  roleSession: 200,
  userinfo: 200,
  roleUserinfo: 200,
  accessActive: true,
  refreshActive: true,
};
const DEAD = {
  session: 401,
  roleSession: 401,
  userinfo: 401,
  roleUserinfo: 401,
  accessActive: false,
  refreshActive: false,
  refresh: "invalid_grant",
  roleRefresh: "invalid_grant",
};

describe(`ending a RAM user's access on ${process.env.TEST_DB}`, () => {
  it("disabling ends the console and role sessions and every app token; enabling again does not bring them back", async () => {
    const { userId, held } = await personWithEverything();
    expect(await statusOf(held, { refresh: false })).toEqual(ALIVE);
    const off = await send("PATCH /users/[userId]", { params: { userId }, body: { enabled: false } }, admin);
    expect(off.status).toBe(200);
    expect(await statusOf(held)).toEqual(DEAD);
    expect((await send("PATCH /users/[userId]", { params: { userId }, body: { enabled: true } }, admin)).status).toBe(
      200,
    );
    expect(await statusOf(held)).toEqual(DEAD);
  });

  it("deleting ends them too, and a new user of the same name does not inherit anything", async () => {
    const { userId, name, held } = await personWithEverything();
    expect((await send("DELETE /users/[userId]", { params: { userId } }, admin)).status).toBe(204);
    expect(await statusOf(held)).toEqual(DEAD);
    const again = await send(
      "POST /users",
      { params: {}, body: { name, displayName: "Victim again", password: "Str0ng-passw0rd" } },
      admin,
    );
    expect(again.status).toBe(201);
    expect(await statusOf(held)).toEqual(DEAD);
  });

  it("a password reset ends the sessions and app tokens too (the old password may have leaked)", async () => {
    const { userId, held } = await personWithEverything();
    expect(
      (await send("PATCH /users/[userId]", { params: { userId }, body: { password: "An0ther-passw0rd" } }, admin))
        .status,
    ).toBe(200);
    expect(await statusOf(held)).toEqual(DEAD);
  });

  it("a display-name change ends nothing", async () => {
    const { userId, held } = await personWithEverything();
    expect(
      (await send("PATCH /users/[userId]", { params: { userId }, body: { displayName: "Renamed" } }, admin)).status,
    ).toBe(200);
    const now = await statusOf(held);
    expect(now).toMatchObject(ALIVE);
    expect([now.refresh, now.roleRefresh]).toEqual(["ok", "ok"]);
  });
});
