import type { DatasetSize } from "./dataset";
import {
  deepPage,
  fixed,
  introspection,
  LIST_PAGE,
  listGet,
  refreshExchange,
  silentAuthorization,
  userinfo,
  type Scenario,
  type ServerName,
} from "./prepare";

/**
 * The embedded default (`npm start` on PGlite, no DATABASE_URL), against its own trivial route in
 * the same process. Refresh tokens were issued before its server started (bench/embedded.ts).
 */
export function embeddedScenarios(size: DatasetSize): Scenario[] {
  const deep = deepPage(size);
  const base = { server: "embedded" as const, baseline: "embedded.ping", expect: 200 };
  return [
    {
      ...base,
      id: "embedded.ping",
      title: "GET /api/ping (trivial route handler)",
      prepare: fixed({ path: "/api/ping" }),
    },
    {
      ...base,
      id: "embedded.authorize",
      title: "silent authorization (installed app, signed-in RAM user → 302 + code)",
      expect: 302,
      prepare: silentAuthorization,
    },
    {
      ...base,
      id: "embedded.refresh",
      title: "refresh_token exchange, OIDC grant (+ RS256 ID token)",
      prepare: refreshExchange("embedded", "oidc"),
    },
    { ...base, id: "embedded.userinfo", title: "userinfo (random token of 1M, with policies)", prepare: userinfo },
    {
      ...base,
      id: "embedded.introspect",
      title: "introspection (random token of 1M, its own client)",
      prepare: introspection,
    },
    {
      ...base,
      id: "embedded.list_page_search",
      title: `Third-party Applications page, ${size.heavyInstalls} installed: search`,
      prepare: listGet(`${LIST_PAGE}?search=Bench%20App%2000`),
    },
    {
      ...base,
      id: "embedded.list_page_deep",
      title: `Third-party Applications page, ${size.heavyInstalls} installed: page ${deep}`,
      prepare: listGet(`${LIST_PAGE}?page=${deep}`),
    },
    {
      ...base,
      id: "embedded.ping_again",
      title: "GET /api/ping again (drift check)",
      prepare: fixed({ path: "/api/ping" }),
    },
  ];
}

/** The same requests served by two processes of the lean server and of `next start`, on one PostgreSQL. */
export function multiProcessScenarios(): Scenario[] {
  const lean = { server: "lean" as const, servers: ["lean", "lean2"] as ServerName[], baseline: "lean.userinfo" };
  const next = { server: "next" as const, servers: ["next", "next2"] as ServerName[], baseline: "next.userinfo" };
  return [
    { ...lean, id: "lean2.userinfo", title: "userinfo, 2 lean processes", expect: 200, prepare: userinfo },
    {
      ...lean,
      id: "lean2.introspect",
      title: "introspection, 2 lean processes",
      baseline: "lean.introspect",
      expect: 200,
      prepare: introspection,
    },
    {
      ...lean,
      id: "lean2.refresh_api",
      title: "refresh_token exchange, API-only grant, 2 lean processes",
      baseline: "lean.refresh_api",
      expect: 200,
      prepare: refreshExchange("lean2", "api"),
    },
    { ...next, id: "next2.userinfo", title: "userinfo, 2 next start processes", expect: 200, prepare: userinfo },
    {
      ...next,
      id: "next2.authorize",
      title: "silent authorization, 2 next start processes",
      baseline: "next.authorize",
      expect: 302,
      prepare: silentAuthorization,
    },
  ];
}
