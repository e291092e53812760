import { describe, expect, it } from "vitest";
import { toResponse } from "@/lib/oauth/error-response";
import { parseBearer } from "@/lib/oauth/bearer-header";
import { checkPkce, isValidCodeVerifier, s256Challenge } from "@/lib/oauth/check-pkce";
import { decodeBasic, readCredentials } from "@/lib/oauth/client-auth";
import { parseForm, readForm } from "@/lib/oauth/form-body";
import { bearerChallenge, OAuthError } from "@/lib/oauth/oauth-error";
import { narrowScope, parseScope } from "@/lib/oauth/scope";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof OAuthError ? `${e.status} ${e.code}` : "other";
  }
  return "ok";
};

describe("PKCE (RFC 7636)", () => {
  // RFC 7636 Appendix B.
  const verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  const challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  it("computes S256 as in Appendix B", () => {
    expect(s256Challenge(verifier)).toBe(challenge);
  });

  it("checks the verifier's alphabet and length (43–128)", () => {
    expect(isValidCodeVerifier("a".repeat(43))).toBe(true);
    expect(isValidCodeVerifier("a".repeat(128))).toBe(true);
    expect(isValidCodeVerifier("a".repeat(42))).toBe(false);
    expect(isValidCodeVerifier("a".repeat(129))).toBe(false);
    expect(isValidCodeVerifier(`${"a".repeat(43)} `)).toBe(false);
  });

  it.each([
    ["the matching verifier", challenge, verifier, "ok"],
    ["no verifier for a code with a challenge", challenge, undefined, "400 invalid_grant"],
    ["a wrong verifier", challenge, "x".repeat(43), "400 invalid_grant"],
    ["a malformed verifier", challenge, "short", "400 invalid_grant"],
    ["a verifier for a code without a challenge (downgrade)", null, verifier, "400 invalid_grant"],
    [
      "a code without a challenge, even without a verifier (PKCE for every client)",
      null,
      undefined,
      "400 invalid_grant",
    ],
  ])("%s → %s", (_what, ch, v, expected) => {
    expect(codeOf(() => checkPkce(ch, v))).toBe(expected);
  });
});

describe("form bodies (RFC 6749 §3.2)", () => {
  it("keeps allowed parameters, ignores others, treats empty values as omitted", () => {
    const p = parseForm("grant_type=authorization_code&code=abc&foo=1&foo=2&redirect_uri=", [
      "grant_type",
      "code",
      "redirect_uri",
    ]);
    expect(Object.fromEntries(p)).toEqual({ grant_type: "authorization_code", code: "abc" });
  });

  it("refuses a repeated parameter with invalid_request", () => {
    expect(codeOf(() => parseForm("code=a&code=b", ["code"]))).toBe("400 invalid_request");
  });

  it("refuses other content types and methods", async () => {
    const json = new Request("http://x/t", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    await expect(readForm(json, ["code"])).rejects.toMatchObject({ code: "invalid_request" });
    await expect(readForm(new Request("http://x/t"), ["code"])).rejects.toMatchObject({ code: "invalid_request" });
    const ok = new Request("http://x/t", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
      body: "code=a",
    });
    expect((await readForm(ok, ["code"])).get("code")).toBe("a");
  });
});

describe("client credentials (RFC 6749 §2.3)", () => {
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

  it("form-decodes the Basic user and password (§2.3.1)", () => {
    expect(decodeBasic(Buffer.from("my%20app:s%3Acr+t").toString("base64"))).toEqual({
      clientId: "my app",
      secret: "s:cr t",
    });
    expect(decodeBasic("not base64!")).toBeNull();
    expect(decodeBasic(Buffer.from("no-colon").toString("base64"))).toBeNull();
  });

  it("reads one method: basic, post or none", () => {
    expect(readCredentials(basic("c", "s"), new Map())).toEqual({
      clientId: "c",
      secret: "s",
      method: "client_secret_basic",
    });
    expect(
      readCredentials(
        null,
        new Map([
          ["client_id", "c"],
          ["client_secret", "s"],
        ]),
      ),
    ).toEqual({ clientId: "c", secret: "s", method: "client_secret_post" });
    expect(readCredentials(null, new Map([["client_id", "c"]]))).toEqual({
      clientId: "c",
      secret: null,
      method: "none",
    });
  });

  it("refuses two methods at once, and no client at all", () => {
    expect(codeOf(() => readCredentials(basic("c", "s"), new Map([["client_secret", "s"]])))).toBe(
      "400 invalid_request",
    );
    expect(codeOf(() => readCredentials(basic("c", "s"), new Map([["client_id", "other"]])))).toBe(
      "400 invalid_request",
    );
    expect(codeOf(() => readCredentials(null, new Map()))).toBe("401 invalid_client");
  });
});

describe("scope (RFC 6749 §3.3, §6)", () => {
  it("parses a space-delimited list without duplicates", () => {
    expect(parseScope("openid  profile openid")).toEqual(["openid", "profile"]);
    expect(parseScope(undefined)).toEqual([]);
  });

  it("narrows, never widens", () => {
    expect(narrowScope("openid profile aliuid", undefined)).toBe("openid profile aliuid");
    expect(narrowScope("openid profile aliuid", "aliuid openid")).toBe("openid aliuid");
    expect(narrowScope("openid profile", "openid /acs/ram")).toBeNull();
  });
});

describe("bearer tokens (RFC 6750)", () => {
  it("parses the Authorization header", () => {
    expect(parseBearer("Bearer abc-._~+/=")).toBe("abc-._~+/=");
    expect(parseBearer("bearer abc")).toBe("abc");
    expect(parseBearer("Bearer")).toBeNull();
    expect(parseBearer("Bearer a b")).toBeNull();
    expect(parseBearer("Basic abc")).toBeUndefined();
  });

  it("writes the challenges of §3", () => {
    expect(bearerChallenge()).toBe('Bearer realm="oauth2"');
    expect(bearerChallenge("insufficient_scope", 'needs "x"', "/acs/ram")).toBe(
      'Bearer realm="oauth2", error="insufficient_scope", error_description="needs x", scope="/acs/ram"',
    );
  });
});

describe("error answers", () => {
  it("maps the RFC codes to their statuses, JSON and no-store", async () => {
    const res = toResponse(
      new OAuthError("invalid_client", "nope", { "www-authenticate": 'Basic realm="oauth2"' }),
      "oauth",
    );
    expect(res.status).toBe(401);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("pragma")).toBe("no-cache");
    expect(res.headers.get("www-authenticate")).toBe('Basic realm="oauth2"');
    expect(await res.json()).toEqual({ error: "invalid_client", error_description: "nope" });
    expect(new OAuthError("invalid_grant", "x").status).toBe(400);
    expect(new OAuthError("insufficient_scope", "x").status).toBe(403);
  });
});
