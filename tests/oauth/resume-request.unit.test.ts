import { describe, expect, it } from "vitest";
import { authorizeUrlOf } from "@/lib/oauth/resume-request";

describe("the authorization request started again after a new sign-in", () => {
  const stored = {
    clientId: "4000000000000000001",
    redirectUri: "http://127.0.0.1:8766/callback",
    scope: "openid /acs/mcp-server",
    state: "s-1",
    codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
  };

  it("keeps the resource (RFC 8707), so an MCP host still gets tokens for /mcp", () => {
    const url = new URL(authorizeUrlOf({ ...stored, resource: "http://localhost:3000/mcp" }), "http://localhost:3000");
    expect(url.searchParams.get("resource")).toBe("http://localhost:3000/mcp");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
  });

  it("adds no resource when the request had none", () => {
    const url = new URL(authorizeUrlOf(stored), "http://localhost:3000");
    expect(url.searchParams.has("resource")).toBe(false);
    expect(url.searchParams.get("state")).toBe("s-1");
  });

  it("keeps ui_locales (OIDC Core §3.1.2.1), so the pages after sign-in speak the language the application asked for", () => {
    const url = new URL(authorizeUrlOf({ ...stored, uiLocales: "fr zh-CN" }), "http://localhost:3000");
    expect(url.searchParams.get("ui_locales")).toBe("fr zh-CN");
    expect(new URL(authorizeUrlOf(stored), "http://localhost:3000").searchParams.has("ui_locales")).toBe(false);
  });
});
