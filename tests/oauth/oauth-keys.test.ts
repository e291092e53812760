import { eq, isNotNull } from "drizzle-orm";
import { calculateJwkThumbprint, createLocalJWKSet, jwtVerify, type JWK } from "jose";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { scopeCatalog } from "@/lib/apps/scope-catalog";
import { signIdToken } from "@/lib/oauth/id-token";
import { jwksEndpoint } from "@/lib/oauth/jwks-endpoint";
import { getPublicJwks, getSigningKey, ID_TOKEN_TTL_SECONDS, rotateSigningKey } from "@/lib/oauth/keys";
import { metadataEndpoint } from "@/lib/oauth/metadata";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";

const db = setupSeededDatabase();

const jwks = async () =>
  ((await (await jwksEndpoint(new Request("http://localhost:3000/oauth2/jwks"))).json()) as { keys: JWK[] }).keys;

describe(`signing keys on ${process.env.TEST_DB}`, () => {
  it("creates one RS256 key on first use, even when two loads race; kid is the RFC 7638 thumbprint", async () => {
    const first = getSigningKey();
    const second = getSigningKey();
    const [a, b] = await Promise.all([first, second]);
    expect(a.kid).toBe(b.kid);
    const keys = await jwks();
    const signer = keys.find((k) => k.kid === a.kid)!;
    expect(signer).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(signer.d).toBeUndefined();
    expect(Buffer.from(signer.n!, "base64url").length).toBe(256);
    expect(await calculateJwkThumbprint({ kty: "RSA", n: signer.n!, e: signer.e! }, "sha256")).toBe(a.kid);
  });

  it("serves the JWKS as public, briefly cacheable JSON", async () => {
    const res = await jwksEndpoint(new Request("http://localhost:3000/oauth2/jwks"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("rotates: the new key signs, the old one stays published until its ID tokens have expired", async () => {
    const alice = await principalOf(db().db, "alice@acme");
    const before = await getSigningKey();
    const oldToken = await signIdToken({ principal: alice, clientId: "c1", scope: "openid", authTime: new Date() });
    const { kid, retired } = await rotateSigningKey();
    expect(retired).toContain(before.kid);
    expect(kid).not.toBe(before.kid);
    expect((await getSigningKey()).kid).toBe(kid);
    const keys = await jwks();
    expect(keys.map((k) => k.kid)).toEqual(expect.arrayContaining([kid, before.kid]));
    const { payload } = await jwtVerify(oldToken, createLocalJWKSet({ keys }), {
      issuer: "http://localhost:3000",
      audience: "c1",
    });
    expect(payload.sub).toBe(alice.subject);
    const newToken = await signIdToken({ principal: alice, clientId: "c1", scope: "openid", authTime: new Date() });
    const { protectedHeader } = await jwtVerify(newToken, createLocalJWKSet({ keys }));
    expect(protectedHeader.kid).toBe(kid);

    const [old] = await db().db.select().from(s.signingKeys).where(eq(s.signingKeys.kid, before.kid));
    expect(old!.publishUntil!.getTime() - old!.retiredAt!.getTime()).toBeGreaterThanOrEqual(
      ID_TOKEN_TTL_SECONDS * 1000,
    );
    await db()
      .db.update(s.signingKeys)
      .set({ publishUntil: new Date(Date.now() - 1000) })
      .where(isNotNull(s.signingKeys.retiredAt));
    expect((await getPublicJwks()).keys.map((k) => k.kid)).toEqual([kid]);
  });
});

describe(`discovery metadata on ${process.env.TEST_DB}`, () => {
  it("serves the same document at both well-known paths, with the issuer byte-identical in every URL", async () => {
    const a = await metadataEndpoint(new Request("http://localhost:3000/.well-known/openid-configuration"));
    const b = await metadataEndpoint(new Request("http://localhost:3000/.well-known/oauth-authorization-server"));
    const text = await a.text();
    expect(await b.text()).toBe(text);
    expect(a.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    const m = JSON.parse(text) as Record<string, unknown>;
    const issuer = "http://localhost:3000";
    // Each endpoint where its route is mounted (app/oauth2/<path>/route.ts).
    const paths = { authorization: "authorize", token: "token", userinfo: "userinfo", revocation: "revoke" };
    const more = { introspection: "introspect", registration: "register" };
    for (const [name, path] of Object.entries({ ...paths, ...more })) {
      expect(m[`${name}_endpoint`], name).toBe(`${issuer}/oauth2/${path}`);
    }
    expect(m).toMatchObject({
      issuer,
      jwks_uri: `${issuer}/oauth2/jwks`,
      response_types_supported: ["code"],
      response_modes_supported: ["query"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
      revocation_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      introspection_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      id_token_signing_alg_values_supported: ["RS256"],
      subject_types_supported: ["public"],
      authorization_response_iss_parameter_supported: true,
      prompt_values_supported: ["none", "login"],
      request_parameter_supported: false,
      request_uri_parameter_supported: false,
      claims_parameter_supported: false,
    });
    expect(m.scopes_supported).toEqual(scopeCatalog.map((x) => x.scope));
    expect(m.scopes_supported).toEqual(
      expect.arrayContaining(["openid", "profile", "aliuid", "permissions", "/acs/ram"]),
    );
    expect(m.claims_supported).toEqual(
      expect.arrayContaining([
        "sub",
        "aid",
        "uid",
        "name",
        "login_name",
        "upn",
        "principal_type",
        "policies",
        "auth_time",
      ]),
    );
  });

  it("advertises exactly what is implemented: no field beyond these (OIDC Discovery 1.0 §3, RFC 8414 §2, RFC 9207 §3)", async () => {
    const m = (await (
      await metadataEndpoint(new Request("http://localhost:3000/.well-known/openid-configuration"))
    ).json()) as Record<string, unknown>;
    expect(Object.keys(m).sort()).toEqual([
      "authorization_endpoint",
      "authorization_response_iss_parameter_supported",
      "claims_parameter_supported",
      "claims_supported",
      "client_id_metadata_document_supported",
      "code_challenge_methods_supported",
      "grant_types_supported",
      "id_token_signing_alg_values_supported",
      "introspection_endpoint",
      "introspection_endpoint_auth_methods_supported",
      "issuer",
      "jwks_uri",
      "prompt_values_supported",
      "registration_endpoint",
      "request_parameter_supported",
      "request_uri_parameter_supported",
      "response_modes_supported",
      "response_types_supported",
      "revocation_endpoint",
      "revocation_endpoint_auth_methods_supported",
      "scopes_supported",
      "subject_types_supported",
      "token_endpoint",
      "token_endpoint_auth_methods_supported",
      "ui_locales_supported",
      "userinfo_endpoint",
    ]);
    expect(m.prompt_values_supported).toEqual(["none", "login"]);
    // The consent pages speak the first of the request's ui_locales that is one of these.
    expect(m.ui_locales_supported).toEqual(["en", "zh-CN"]);
    expect([m.request_parameter_supported, m.request_uri_parameter_supported, m.claims_parameter_supported]).toEqual([
      false,
      false,
      false,
    ]);
    expect(m.claims_supported).toEqual(expect.arrayContaining(["auth_time", "nonce", "at_hash"]));
  });
});
