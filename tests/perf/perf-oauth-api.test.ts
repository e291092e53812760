import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOAuthApiServer } from "@/server/oauth-api-server";
import { enableStatementCache } from "@/server/statement-cache";
import { setupSeededDatabase } from "../fixtures/db";
import { codeFor, demoClient, formRequest, VERIFIER, type TestClient } from "../fixtures/oauth-fixtures";

const db = setupSeededDatabase();
const ISSUER = "http://localhost:3000";
let base = "";
let close: () => Promise<void>;
let app: TestClient;

beforeAll(async () => {
  app = await demoClient(db().db);
  // As server/oauth-api.ts does on PostgreSQL: every statement below runs as a named prepared statement.
  if (db().pool) enableStatementCache(db().pool!);
  const server = createOAuthApiServer({ origin: ISSUER });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
});
afterAll(() => close?.());

/** The same form POST the handler tests build, sent over the wire to the lean server. */
async function post(path: string, params: Record<string, string>, auth: "basic" | "post" = "basic") {
  const r = formRequest(path, app, params, auth);
  const res = await fetch(base + path, { method: "POST", headers: r.headers, body: await r.text() });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

/** A raw request with an arbitrary Host header (fetch does not let us set it). */
function rawGet(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers: { host } }, (res) => {
      let body = "";
      res
        .setEncoding("utf8")
        .on("data", (c: string) => (body += c))
        .on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject).end();
  });
}

describe(`lean OAuth API server (server/oauth-api-server.ts) on ${process.env.TEST_DB}`, () => {
  it("serves the metadata at both well-known paths, with the configured issuer whatever the Host header says", async () => {
    for (const path of ["/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"]) {
      const res = await rawGet(path, "evil.example:666");
      expect(res.status).toBe(200);
      const meta = JSON.parse(res.body) as Record<string, string>;
      expect(meta.issuer).toBe(ISSUER);
      expect(meta.token_endpoint).toBe(`${ISSUER}/oauth2/token`);
      expect(meta.jwks_uri).toBe(`${ISSUER}/oauth2/jwks`);
    }
  });

  it("serves the JWKS: public RSA keys only, cacheable", async () => {
    const res = await fetch(`${base}/oauth2/jwks`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const jwks = (await res.json()) as { keys: Record<string, string>[] };
    expect(jwks.keys.length).toBeGreaterThanOrEqual(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("exchanges a code, then serves userinfo, introspection, refresh and revocation for its tokens", async () => {
    const code = await codeFor(db().db, app, "alice@acme", { nonce: "lean-nonce" });
    const tokens = await post("/oauth2/token", {
      grant_type: "authorization_code",
      code,
      redirect_uri: app.redirectUri,
      code_verifier: VERIFIER,
    });
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get("cache-control")).toBe("no-store");
    const jwks = (await (await fetch(`${base}/oauth2/jwks`)).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(tokens.body.id_token as string, createLocalJWKSet(jwks), {
      issuer: ISSUER,
      audience: app.clientId,
    });
    expect(payload).toMatchObject({ nonce: "lean-nonce", upn: "alice@acme.onaliyun.com" });

    const accessToken = tokens.body.access_token as string;
    const userinfo = await fetch(`${base}/oauth2/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({ sub: payload.sub, name: "Alice", login_name: "alice", policies: [] });

    const active = await post("/oauth2/introspect", { token: accessToken });
    expect(active.body).toMatchObject({ active: true, client_id: app.clientId, iss: ISSUER, token_type: "Bearer" });

    const refreshed = await post(
      "/oauth2/token",
      { grant_type: "refresh_token", refresh_token: tokens.body.refresh_token as string },
      "post",
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(tokens.body.refresh_token);

    const revoked = await fetch(`${base}/oauth2/revoke`, {
      method: "POST",
      headers: formRequest("/oauth2/revoke", app, {}).headers,
      body: new URLSearchParams({ token: accessToken }).toString(),
    });
    expect(revoked.status).toBe(200);
    expect((await post("/oauth2/introspect", { token: accessToken })).body).toEqual({ active: false });
    const after = await fetch(`${base}/oauth2/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("answers 404 JSON for other paths (the browser endpoints stay in the console) and 405 with Allow for other methods", async () => {
    for (const path of ["/", "/oauth2/authorize?client_id=x", "/api/ping", "/oauth2/token/extra"]) {
      const res = await fetch(base + path);
      expect([path, res.status, res.headers.get("content-type")]).toEqual([
        path,
        404,
        "application/json; charset=utf-8",
      ]);
      expect(await res.json()).toMatchObject({ error: "not_found" });
    }
    const get = await fetch(`${base}/oauth2/token`);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
  });

  it("refuses a body over 64 KiB with 413 before the handler runs", async () => {
    const res = await fetch(`${base}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `grant_type=refresh_token&refresh_token=${"a".repeat(70 * 1024)}`,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: "invalid_request" });
  });

  it("passes a form body that the handler refuses as too large (over 16 KiB) through to its own 413", async () => {
    const res = await post("/oauth2/token", { grant_type: "refresh_token", refresh_token: "b".repeat(20 * 1024) });
    expect([res.status, res.body.error]).toEqual([413, "invalid_request"]);
  });
});
