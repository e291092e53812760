/** The scenarios' context and how each prepares its requests (bench/scenarios.ts lists them). */
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

export type ServerName = "next" | "next2" | "lean" | "lean2" | "reference" | "embedded";
export type Ctx = {
  origins: Partial<Record<ServerName, string>>;
  /** where single-use credentials are issued; null: the embedded database, issued before its server started */
  db: BenchDb | null;
  /** the tag of the refresh tokens issued beforehand (bench/embedded.ts), when `db` is null */
  preIssuedRefreshTag?: string;
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
  /** several processes of one server (node:cluster is not used: separate processes on their own ports) */
  servers?: ServerName[];
  title: string;
  /** the scenario whose rate this one is compared with */
  baseline: string;
  expect: number;
  prepare: (ctx: Ctx) => Promise<Prepared>;
};

/** The deep page of the list scenarios: near the end of the heavy account's installations. */
export function deepPage(size: DatasetSize): number {
  return Math.max(1, Math.floor((size.heavyInstalls * 0.96) / 20));
}

export const fixed = (req: Req) => async (): Promise<Prepared> => ({ request: req });
export const LIST_PAGE = "/integrations/oauth/third-party-apps";
export const LIST_API = "/api/v1/third-party-apps";
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

function issuer(ctx: Ctx): BenchDb {
  if (!ctx.db)
    throw new Error("this scenario issues credentials, which the embedded database cannot take while it runs");
  return ctx.db;
}

export function codeExchange(server: string): Scenario["prepare"] {
  return async (ctx) => {
    const tag = `${server}${++run}`;
    await preIssueCodes(issuer(ctx), tag, ctx.budget, ctx.grants.count);
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

export function refreshExchange(server: string, kind: "oidc" | "api"): Scenario["prepare"] {
  return async (ctx) => {
    const preIssued = ctx.preIssuedRefreshTag && kind === "oidc" ? ctx.preIssuedRefreshTag : null;
    const tag = preIssued ?? `${server}${kind}${++run}`;
    if (!preIssued) await preIssueRefreshTokens(issuer(ctx), tag, ctx.budget, ctx.grants.count, kind);
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

export const userinfo: Scenario["prepare"] = async (ctx) => ({
  request: cycle(sampleTokens(ctx, 50_000), (t) => ({
    path: "/oauth2/userinfo",
    headers: { authorization: `Bearer ${t.token}` },
  })),
});

export const introspection: Scenario["prepare"] = async (ctx) => ({
  request: cycle(sampleTokens(ctx, 50_000), (t) =>
    tokenPost(tokenForm({ token: t.token }), t.clientId, "/oauth2/introspect"),
  ),
});

export const silentAuthorization: Scenario["prepare"] = async (ctx) => {
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

export const listGet =
  (path: string): Scenario["prepare"] =>
  async (ctx) => ({ request: { path, headers: { cookie: ctx.adminCookie } } });
