import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { principalOf } from "../fixtures/principals";
import { setupSeededDatabase } from "../fixtures/db";
import { sessionCookieFor } from "../fixtures/session-cookie";
import { bearerToken, CASES, ISSUER, send, type Call } from "../fixtures/route-cases";
import * as targets from "../fixtures/security-targets";

const db = setupSeededDatabase();

/**
 * Every route that takes an id in its path (CASES create its targets in acme), except provisioning,
 * whose id is a platform-wide official application (globex may provision it: the matrix says 201).
 */
const ID_ROUTES = Object.keys(CASES).filter((k) => k.includes("[") && k !== "POST /official-apps/[clientId]/provision");

/** The same call with ids that exist nowhere, of the right shape. */
function randomized(call: Call): Call {
  const params = Object.fromEntries(
    Object.entries(call.params).map(([k, v]) => [
      k,
      k === "clientId"
        ? `4${String(Date.now()).slice(-9)}${String(Math.random()).slice(2, 11).padEnd(9, "7")}`
        : /Id$/.test(k)
          ? randomUUID()
          : v,
    ]),
  );
  const body =
    call.body && typeof call.body === "object" && "roleId" in call.body ? { roleId: randomUUID() } : call.body;
  return { params, body };
}

type Who = "session" | "token";

describe(`tenant isolation: globex's administrator against acme's ids, on ${process.env.TEST_DB}`, () => {
  let token = "";
  beforeAll(async () => {
    token = await bearerToken(db().db, "admin@globex", "openid /acs/ram");
  });
  const headers = async (who: Who): Promise<Record<string, string>> =>
    who === "token"
      ? { authorization: `Bearer ${token}` }
      : {
          cookie: (await sessionCookieFor(db().db, await principalOf(db().db, "admin@globex"))).cookie,
          origin: ISSUER,
        };

  /** Answers {status, body} and fails if the call changed anything in the database. */
  async function unchanged(key: string, call: Call, who: Who) {
    const h = await headers(who);
    const before = await targets.snapshot(db().db);
    const res = await send(key, call, h);
    const answer = { status: res.status, body: await res.json() };
    expect(await targets.snapshot(db().db), `${key} changed the database`).toEqual(before);
    return answer;
  }

  // PUT /session/role takes a role id in its body; only console sessions switch roles (tokens get 403 first).
  const calls = [
    ...ID_ROUTES.flatMap(
      (k) =>
        [
          [k, "session"],
          [k, "token"],
        ] as [string, Who][],
    ),
    ["PUT /session/role", "session"] as [string, Who],
  ];
  it.each(calls)("%s as %s: 404 exactly as for an id that does not exist, nothing changed", async (key, who) => {
    const foreign = await unchanged(key, await CASES[key]!(db().db), who);
    const missing = await unchanged(key, randomized(await CASES[key]!(db().db)), who);
    expect(foreign.status).toBe(404);
    expect(foreign).toEqual(missing);
  });

  it.each([
    ["DELETE /apps/[clientId]/secrets/[secretId]", "globex's own app, acme's secret"],
    ["POST /groups/[groupId]/members", "globex's group, acme's user"],
    ["POST /roles/[roleId]/trustees", "globex's role, acme's user"],
    ["POST /third-party-apps/[clientId]/assignments", "globex's official app, acme's user"],
    [
      "DELETE /third-party-apps/[clientId]/assignments/[principalType]/[principalId]",
      "globex's official app, acme's assigned user",
    ],
    ["DELETE /groups/[groupId]/members/[userId]", "globex's group, acme's member"],
  ])("%s with %s: 404, nothing changed", async (key) => {
    const d = db().db;
    const acmeUser = await targets.newUser(d);
    const calls: Record<string, () => Promise<Call>> = {
      "DELETE /apps/[clientId]/secrets/[secretId]": async () => ({
        params: {
          clientId: (await targets.newApp(d, { owner: "globex", secrets: 1 })).clientId,
          secretId: (await targets.newApp(d, { owner: "acme", secrets: 1 })).secretIds[0]!,
        },
      }),
      "POST /groups/[groupId]/members": async () => ({
        params: { groupId: await targets.newGroup(d, "globex") },
        body: { userId: acmeUser },
      }),
      "POST /roles/[roleId]/trustees": async () => ({
        params: { roleId: await targets.newRole(d, "globex") },
        body: { userId: acmeUser },
      }),
      "POST /third-party-apps/[clientId]/assignments": async () => ({
        params: { clientId: (await targets.officialApp(d, "globex")).clientId },
        body: {
          assignees: [
            { principalType: "user", principalId: acmeUser },
            { principalType: "group", principalId: await targets.newGroup(d, "acme") },
          ],
        },
      }),
      "DELETE /third-party-apps/[clientId]/assignments/[principalType]/[principalId]": async () => {
        await targets.officialApp(d, "acme", [acmeUser]);
        const own = await targets.officialApp(d, "globex");
        return { params: { clientId: own.clientId, principalType: "user", principalId: acmeUser } };
      },
      "DELETE /groups/[groupId]/members/[userId]": async () => {
        await targets.newGroup(d, "acme", acmeUser);
        return { params: { groupId: await targets.newGroup(d, "globex"), userId: acmeUser } };
      },
    };
    for (const who of ["session", "token"] as const) {
      const res = await unchanged(key, await calls[key]!(), who);
      expect(res.status, who).toBe(404);
    }
  });

  it("lists show globex's own rows only: no acme name, id or installation", async () => {
    const d = db().db;
    const user = await targets.newUser(d);
    const group = await targets.newGroup(d, "acme", user);
    const role = await targets.newRole(d, "acme", user);
    await targets.attach(d, "acme", "user", user, "AdministratorAccess");
    const app = await targets.newApp(d, { owner: "acme", secrets: 1 });
    const tp = await targets.installedThirdParty(d, "acme");
    const official = await targets.officialApp(d, "acme", [user]);
    const secrets = [
      user,
      group,
      role,
      app.clientId,
      app.secretIds[0]!,
      tp.clientId,
      tp.installationId,
      official.installationId!,
    ];
    for (const who of ["session", "token"] as const) {
      for (const key of [
        "GET /users",
        "GET /groups",
        "GET /roles",
        "GET /apps",
        "GET /third-party-apps",
        "GET /policies",
        "GET /official-apps",
        "GET /session",
      ]) {
        const res = await send(key, { params: {} }, await headers(who));
        expect(res.status, key).toBe(200);
        const text = await res.text();
        for (const s of [...secrets, "acme"]) expect(text, `${key} as ${who}`).not.toContain(s);
        if (key === "GET /official-apps") {
          const mine = (JSON.parse(text) as { items: { clientId: string; installed: boolean }[] }).items.find(
            (i) => i.clientId === official.clientId,
          );
          expect(mine?.installed).toBe(false);
        }
        if (key === "GET /policies") {
          const admin = (JSON.parse(text) as { items: { name: string; users: number }[] }).items.find(
            (p) => p.name === "AdministratorAccess",
          );
          expect(admin?.users).toBe(0);
        }
      }
    }
  });
});
