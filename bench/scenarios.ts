import type { DatasetSize } from "./dataset";
import { basicAuth, FORM } from "./fixtures";
import {
  fixed,
  LIST_PAGE,
  LIST_API,
  codeExchange,
  refreshExchange,
  userinfo,
  introspection,
  silentAuthorization,
  listGet,
  deepPage,
  type Scenario,
} from "./prepare";

import { embeddedScenarios, multiProcessScenarios } from "./more-scenarios";

export type { Ctx, Prepared, Scenario, ServerName } from "./prepare";

/** Every scenario, in the order they run: PostgreSQL, then the embedded default, then more processes. */
export function allScenarios(size: DatasetSize): Scenario[] {
  return [...postgresScenarios(size), ...embeddedScenarios(size), ...multiProcessScenarios()];
}

function postgresScenarios(size: DatasetSize): Scenario[] {
  const deep = deepPage(size);
  const search = "search=Bench%20App%2000";
  const ceiling = "next.ping";
  const reference = "reference.client_credentials";
  return [
    {
      id: "next.ping",
      server: "next",
      title: "GET /api/ping (trivial route handler)",
      baseline: ceiling,
      expect: 200,
      prepare: fixed({ path: "/api/ping" }),
    },
    {
      id: "next.metadata",
      server: "next",
      title: "GET /.well-known/openid-configuration (no database)",
      baseline: ceiling,
      expect: 200,
      prepare: fixed({ path: "/.well-known/openid-configuration" }),
    },
    {
      id: reference,
      server: "reference",
      title: "oidc-provider client_credentials token (in-memory store)",
      baseline: reference,
      expect: 200,
      prepare: async (ctx) => ({
        request: {
          method: "POST",
          path: "/token",
          headers: { "content-type": FORM, authorization: basicAuth("bench-reference", ctx.referenceSecret) },
          body: "grant_type=client_credentials",
        },
      }),
    },
    {
      id: "lean.metadata",
      server: "lean",
      title: "GET /.well-known/openid-configuration (no database)",
      baseline: reference,
      expect: 200,
      prepare: fixed({ path: "/.well-known/openid-configuration" }),
    },
    {
      id: "next.authorize",
      server: "next",
      title: "silent authorization (installed app, signed-in RAM user → 302 + code)",
      baseline: ceiling,
      expect: 302,
      prepare: silentAuthorization,
    },
    {
      id: "next.code",
      server: "next",
      title: "authorization_code exchange (+ RS256 ID token)",
      baseline: ceiling,
      expect: 200,
      prepare: codeExchange("next"),
    },
    {
      id: "lean.code",
      server: "lean",
      title: "authorization_code exchange (+ RS256 ID token)",
      baseline: reference,
      expect: 200,
      prepare: codeExchange("lean"),
    },
    {
      id: "next.refresh",
      server: "next",
      title: "refresh_token exchange, OIDC grant (+ RS256 ID token)",
      baseline: ceiling,
      expect: 200,
      prepare: refreshExchange("next", "oidc"),
    },
    {
      id: "lean.refresh",
      server: "lean",
      title: "refresh_token exchange, OIDC grant (+ RS256 ID token)",
      baseline: reference,
      expect: 200,
      prepare: refreshExchange("lean", "oidc"),
    },
    {
      id: "lean.refresh_api",
      server: "lean",
      title: "refresh_token exchange, API-only grant (no ID token)",
      baseline: reference,
      expect: 200,
      prepare: refreshExchange("lean", "api"),
    },
    {
      id: "next.userinfo",
      server: "next",
      title: "userinfo (random token of 1M, with policies)",
      baseline: ceiling,
      expect: 200,
      prepare: userinfo,
    },
    {
      id: "lean.userinfo",
      server: "lean",
      title: "userinfo (random token of 1M, with policies)",
      baseline: reference,
      expect: 200,
      prepare: userinfo,
    },
    {
      id: "next.introspect",
      server: "next",
      title: "introspection (random token of 1M, its own client)",
      baseline: ceiling,
      expect: 200,
      prepare: introspection,
    },
    {
      id: "lean.introspect",
      server: "lean",
      title: "introspection (random token of 1M, its own client)",
      baseline: reference,
      expect: 200,
      prepare: introspection,
    },
    {
      id: "next.list_page_search",
      server: "next",
      title: `Third-party Applications page, ${size.heavyInstalls} installed: search`,
      baseline: ceiling,
      expect: 200,
      prepare: listGet(`${LIST_PAGE}?${search}`),
    },
    {
      id: "next.list_page_deep",
      server: "next",
      title: `Third-party Applications page, ${size.heavyInstalls} installed: page ${deep}`,
      baseline: ceiling,
      expect: 200,
      prepare: listGet(`${LIST_PAGE}?page=${deep}`),
    },
    {
      id: "next.list_api_search",
      server: "next",
      title: `GET ${LIST_API}, ${size.heavyInstalls} installed: search`,
      baseline: ceiling,
      expect: 200,
      prepare: listGet(`${LIST_API}?${search}`),
    },
    {
      id: "next.list_api_deep",
      server: "next",
      title: `GET ${LIST_API}, ${size.heavyInstalls} installed: page ${deep}`,
      baseline: ceiling,
      expect: 200,
      prepare: listGet(`${LIST_API}?page=${deep}`),
    },
    // The ceiling once more at the end: how much the machine drifted during the run.
    {
      id: "next.ping_again",
      server: "next",
      title: "GET /api/ping again (drift check)",
      baseline: ceiling,
      expect: 200,
      prepare: fixed({ path: "/api/ping" }),
    },
  ];
}
