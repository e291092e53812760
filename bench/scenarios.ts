import { DEMO_CLIENT } from "@/db/seed";
import { s256Challenge } from "@/lib/oauth/check-pkce";
import { REDIRECT_URI, type DatasetSize } from "./dataset";
import {
  apiGrant,
  basicAuth,
  BENCH_VERIFIER,
  FORM,
  oidcGrant,
  preIssueCodes,
  preIssueRefreshTokens,
  tokenForm,
  type Grants,
} from "./fixtures";
import type { BenchDb } from "./database";
import type { Req } from "./load";

export type ServerName = "next" | "lean" | "reference";
export type Ctx = {
  origins: Record<ServerName, string>;
  db: BenchDb;
  grants: Grants;
  size: DatasetSize;
  aliceCookie: string;
  adminCookie: string;
  referenceSecret: string;
  /** how many single-use credentials to issue per scenario */
  budget: number;
};
export type Prepared = { request: Req | (() => Req); maxRequests?: number };
export type Scenario = {
  id: string;
  server: ServerName;
  title: string;
  /** the scenario whose rate this one is compared with */
  baseline: string;
  expect: number;
  prepare: (ctx: Ctx) => Promise<Prepared>;
};

const fixed = (req: Req) => async (): Promise<Prepared> => ({ request: req });
const LIST_PAGE = "/integrations/oauth/third-party-apps";
const LIST_API = "/api/v1/third-party-apps";
let run = 0;

/** Each request gets the next item; once used up, a request that fails (counted as an error, never reused). */
function cycleOnce<T>(items: T[], make: (item: T) => Req, exhausted: Req): () => Req {
  let i = 0;
  return () => (i < items.length ? make(items[i++]!) : exhausted);
}

function cycle<T>(items: T[], make: (item: T) => Req): () => Req {
  let i = 0;
  return () => make(items[i++ % items.length]!);
}

/** Random live access tokens of OIDC grants, spread over the whole token table. */
function sampleTokens(ctx: Ctx, n: number): { token: string; clientId: string }[] {
  const out = [];
  while (out.length < n) {
    const i = Math.floor(Math.random() * ctx.size.tokens);
    const g = i % ctx.grants.count;
    if (g % 10 === 9) continue;
    out.push({ token: `bench-at-${i}`, clientId: ctx.grants.clientOf[g]! });
  }
  return out;
}

const tokenPost = (body: string, clientId: string, path = "/oauth2/token"): Req => ({
  method: "POST",
  path,
  headers: { "content-type": FORM, authorization: basicAuth(clientId) },
  body,
});

function codeExchange(server: "next" | "lean"): Scenario["prepare"] {
  return async (ctx) => {
    const tag = `${server}${++run}`;
    await preIssueCodes(ctx.db, tag, ctx.budget, ctx.grants.count);
    const items = Array.from({ length: ctx.budget }, (_, i) => ({
      code: `bench-code-${tag}-${i}`,
      clientId: ctx.grants.clientOf[oidcGrant(i, ctx.grants.count)]!,
    }));
    const make = (it: (typeof items)[number]) =>
      tokenPost(
        tokenForm({
          grant_type: "authorization_code",
          code: it.code,
          redirect_uri: REDIRECT_URI,
          code_verifier: BENCH_VERIFIER,
        }),
        it.clientId,
      );
    return {
      request: cycleOnce(items, make, make({ code: "used-up", clientId: items[0]!.clientId })),
      maxRequests: ctx.budget,
    };
  };
}

function refreshExchange(server: "next" | "lean", kind: "oidc" | "api"): Scenario["prepare"] {
  return async (ctx) => {
    const tag = `${server}${kind}${++run}`;
    await preIssueRefreshTokens(ctx.db, tag, ctx.budget, ctx.grants.count, kind);
    const pick = kind === "oidc" ? oidcGrant : apiGrant;
    const items = Array.from({ length: ctx.budget }, (_, i) => ({
      token: `bench-rt-${tag}-${i}`,
      clientId: ctx.grants.clientOf[pick(i, ctx.grants.count)]!,
    }));
    const make = (it: (typeof items)[number]) =>
      tokenPost(tokenForm({ grant_type: "refresh_token", refresh_token: it.token }), it.clientId);
    return {
      request: cycleOnce(items, make, make({ token: "used-up", clientId: items[0]!.clientId })),
      maxRequests: ctx.budget,
    };
  };
}

const userinfo: Scenario["prepare"] = async (ctx) => ({
  request: cycle(sampleTokens(ctx, 50_000), (t) => ({
    path: "/oauth2/userinfo",
    headers: { authorization: `Bearer ${t.token}` },
  })),
});

const introspection: Scenario["prepare"] = async (ctx) => ({
  request: cycle(sampleTokens(ctx, 50_000), (t) =>
    tokenPost(tokenForm({ token: t.token }), t.clientId, "/oauth2/introspect"),
  ),
});

const silentAuthorization: Scenario["prepare"] = async (ctx) => {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: DEMO_CLIENT.clientId,
    redirect_uri: DEMO_CLIENT.redirectUri,
    scope: "openid profile",
    state: "bench-state",
    code_challenge: s256Challenge(BENCH_VERIFIER),
    code_challenge_method: "S256",
  });
  return { request: { path: `/oauth2/authorize?${q}`, headers: { cookie: ctx.aliceCookie } } };
};

const listGet =
  (path: string): Scenario["prepare"] =>
  async (ctx) => ({ request: { path, headers: { cookie: ctx.adminCookie } } });

export function deepPage(size: DatasetSize): number {
  return Math.max(1, Math.floor((size.heavyInstalls * 0.96) / 20));
}

export function allScenarios(size: DatasetSize): Scenario[] {
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
