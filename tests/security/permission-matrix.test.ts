import { beforeAll, describe, expect, it } from "vitest";
import { setupSeededDatabase } from "../fixtures/db";
import { bearerToken, CALLERS, callerHeaders, CASES, routeKeys, send } from "../fixtures/route-cases";

const db = setupSeededDatabase();

/**
 * The permission matrix of the console API: every route file's every method × every kind of caller.
 * Targets are always acme's (created fresh per call): "globex" is globex's administrator acting on
 * acme's ids (404, like any id that is not there); "bearer" is admin@acme's access token with
 * /acs/ram, "narrow" the same person's token without it (403 insufficient_scope).
 * A route or method without a row here fails the first test.
 */
// prettier-ignore
const MATRIX: Record<string, number[]> = {
  //                                                                   out  alice bob  admin owner role globex bearer narrow
  "GET /apps":                                                        [401, 403,  200, 200,  200,  200, 200,   200,   403],
  "POST /apps":                                                       [401, 403,  403, 201,  201,  403, 201,   201,   403],
  "GET /apps/[clientId]":                                                [401, 403,  200, 200,  200,  200, 404,   200,   403],
  "PATCH /apps/[clientId]":                                              [401, 403,  403, 200,  200,  403, 404,   200,   403],
  "DELETE /apps/[clientId]":                                             [401, 403,  403, 204,  204,  403, 404,   204,   403],
  "POST /apps/[clientId]/scopes":                                        [401, 403,  403, 201,  201,  403, 404,   201,   403],
  "PATCH /apps/[clientId]/scopes/[scope]":                               [401, 403,  403, 200,  200,  403, 404,   200,   403],
  "DELETE /apps/[clientId]/scopes/[scope]":                              [401, 403,  403, 204,  204,  403, 404,   204,   403],
  "POST /apps/[clientId]/secrets":                                       [401, 403,  403, 201,  201,  403, 404,   201,   403],
  "DELETE /apps/[clientId]/secrets/[secretId]":                          [401, 403,  403, 204,  204,  403, 404,   204,   403],
  "GET /audit-events":                                                [401, 403,  200, 200,  200,  200, 200,   200,   403],
  "GET /audit-events/export":                                         [401, 403,  200, 200,  200,  200, 200,   200,   403],
  "GET /audit-settings":                                              [401, 403,  200, 200,  200,  200, 200,   200,   403],
  "PUT /audit-settings":                                              [401, 403,  403, 200,  200,  403, 200,   200,   403],
  // Requests for approval: read with RAM read permission, answered by administrators.
  "GET /approval-requests":                                           [401, 403,  200, 200,  200,  200, 200,   200,   403],
  "GET /approval-requests/[requestId]":                               [401, 403,  200, 200,  200,  200, 404,   200,   403],
  "POST /approval-requests/[requestId]/approve":                      [401, 403,  403, 200,  200,  403, 404,   200,   403],
  "POST /approval-requests/[requestId]/deny":                         [401, 403,  403, 200,  200,  403, 404,   200,   403],
  "GET /groups":                                                      [401, 403,  200, 200,  200,  200, 200,   200,   403],
  "POST /groups":                                                     [401, 403,  403, 201,  201,  403, 201,   201,   403],
  "GET /groups/[groupId]":                                            [401, 403,  200, 200,  200,  200, 404,   200,   403],
  "DELETE /groups/[groupId]":                                         [401, 403,  403, 204,  204,  403, 404,   204,   403],
  "POST /groups/[groupId]/members":                                   [401, 403,  403, 201,  201,  403, 404,   201,   403],
  "DELETE /groups/[groupId]/members/[userId]":                        [401, 403,  403, 204,  204,  403, 404,   204,   403],
  "POST /groups/[groupId]/policies":                                  [401, 403,  403, 201,  201,  403, 404,   201,   403],
  "DELETE /groups/[groupId]/policies/[policyName]":                   [401, 403,  403, 204,  204,  403, 404,   204,   403],
  // My authorized applications: every signed-in person, for themselves (globex's administrator never used acme's app).
  "GET /me/authorized-apps":                                          [401, 200,  200, 200,  200,  200, 200,   200,   403],
  "DELETE /me/authorized-apps/[clientId]":                            [401, 204,  204, 204,  204,  204, 404,   204,   403],
  "GET /official-apps":                                               [401, 403,  200, 200,  200,  200, 200,   200,   403],
  "POST /official-apps/[clientId]/provision":                            [401, 403,  403, 201,  201,  403, 201,   201,   403],
  "GET /policies":                                                    [401, 403,  200, 200,  200,  200, 200,   200,   403],
  "GET /roles":                                                       [401, 403,  200, 200,  200,  200, 200,   200,   403],
  "POST /roles":                                                      [401, 403,  403, 201,  201,  403, 201,   201,   403],
  "GET /roles/[roleId]":                                              [401, 403,  200, 200,  200,  200, 404,   200,   403],
  "DELETE /roles/[roleId]":                                           [401, 403,  403, 204,  204,  403, 404,   204,   403],
  "POST /roles/[roleId]/policies":                                    [401, 403,  403, 201,  201,  403, 404,   201,   403],
  "DELETE /roles/[roleId]/policies/[policyName]":                     [401, 403,  403, 204,  204,  403, 404,   204,   403],
  "POST /roles/[roleId]/trustees":                                    [401, 403,  403, 201,  201,  403, 404,   201,   403],
  "DELETE /roles/[roleId]/trustees/[userId]":                         [401, 403,  403, 204,  204,  403, 404,   204,   403],
  "GET /session":                                                     [401, 200,  200, 200,  200,  200, 200,   200,   403],
  // Switching roles is a console-session action: alice may assume auditor; the owner and tokens may not.
  "PUT /session/role":                                                [401, 204,  404, 404,  403,  204, 404,   403,   403],
  "DELETE /session/role":                                             [401, 204,  204, 204,  403,  204, 204,   403,   403],
  "GET /third-party-apps":                                            [401, 403,  200, 200,  200,  200, 200,   200,   403],
  "GET /third-party-apps/[clientId]":                                    [401, 403,  200, 200,  200,  200, 404,   200,   403],
  "DELETE /third-party-apps/[clientId]":                                 [401, 403,  403, 204,  204,  403, 404,   204,   403],
  "GET /third-party-apps/[clientId]/impact":                             [401, 403,  200, 200,  200,  200, 404,   200,   403],
  "GET /third-party-apps/[clientId]/assignments":                        [401, 403,  200, 200,  200,  200, 404,   200,   403],
  "POST /third-party-apps/[clientId]/assignments":                       [401, 403,  403, 201,  201,  403, 404,   201,   403],
  "DELETE /third-party-apps/[clientId]/assignments/[principalType]/[principalId]": [401, 403, 403, 204, 204, 403, 404, 204, 403],
  "GET /users":                                                       [401, 403,  200, 200,  200,  200, 200,   200,   403],
  "POST /users":                                                      [401, 403,  403, 201,  201,  403, 201,   201,   403],
  "GET /users/[userId]":                                              [401, 403,  200, 200,  200,  200, 404,   200,   403],
  "GET /users/[userId]/authorized-apps":                              [401, 403,  200, 200,  200,  200, 404,   200,   403],
  "PATCH /users/[userId]":                                            [401, 403,  403, 200,  200,  403, 404,   200,   403],
  "DELETE /users/[userId]":                                           [401, 403,  403, 204,  204,  403, 404,   204,   403],
  "POST /users/[userId]/policies":                                    [401, 403,  403, 201,  201,  403, 404,   201,   403],
  "DELETE /users/[userId]/policies/[policyName]":                     [401, 403,  403, 204,  204,  403, 404,   204,   403],
};

/** The error code that goes with each refusal: 401 signed out, 403 forbidden or insufficient_scope, 404 not_found. */
function errorFor(status: number, caller: string): string | undefined {
  if (status === 401) return "unauthorized";
  if (status === 403) return caller === "narrow" ? "insufficient_scope" : "forbidden";
  if (status === 404) return "not_found";
  return undefined;
}

describe(`console API permission matrix on ${process.env.TEST_DB}`, () => {
  const tokens = { bearer: "", narrow: "" };
  beforeAll(async () => {
    tokens.bearer = await bearerToken(db().db, "admin@acme", "openid /acs/ram");
    tokens.narrow = await bearerToken(db().db, "admin@acme", "openid profile");
  });

  it("has a row and a call for every route file and exported method, and none for routes that do not exist", async () => {
    const keys = await routeKeys();
    expect(keys.length).toBeGreaterThan(40);
    expect(
      keys.filter((k) => !MATRIX[k]),
      "routes without a row in MATRIX",
    ).toEqual([]);
    expect(
      keys.filter((k) => !CASES[k]),
      "routes without a call in CASES",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((k) => !keys.includes(k)),
      "rows for routes that do not exist",
    ).toEqual([]);
  });

  it.each(Object.entries(MATRIX))("%s", async (key, expected) => {
    expect(expected).toHaveLength(CALLERS.length);
    const got: Record<string, number> = {};
    const wrongCodes: string[] = [];
    for (const caller of CALLERS) {
      const call = await CASES[key]!(db().db);
      const res = await send(key, call, await callerHeaders(db().db, caller, tokens));
      got[caller] = res.status;
      const want = errorFor(res.status, caller);
      if (want) {
        const body = (await res.json()) as { error?: string };
        if (body.error !== want) wrongCodes.push(`${caller}: ${body.error}`);
      } else if (res.status >= 500) {
        wrongCodes.push(`${caller}: ${await res.text()}`);
      }
    }
    expect(got).toEqual(Object.fromEntries(CALLERS.map((c, i) => [c, expected[i]])));
    expect(wrongCodes).toEqual([]);
  });
});
