import { afterEach, describe, expect, it } from "vitest";
import { getAuthOptions } from "@/lib/auth/options";
import { sessionCookie, sessionCookieName } from "@/lib/auth/request-session";
import { resetEnvForTests } from "@/lib/env";

/**
 * Behind https the session cookie is `Secure` with the `__Secure-` prefix: next-auth sets both from
 * `useSecureCookies`, and the console reads only the prefixed name. (e2e/sign-in.spec.ts checks
 * HttpOnly and SameSite=Lax on the real cookie over http.)
 */
const ISSUER = process.env.ISSUER_URL;

describe("session cookie flags", () => {
  afterEach(() => {
    process.env.ISSUER_URL = ISSUER;
    resetEnvForTests();
  });

  it("uses Secure cookies with the __Secure- prefix when the console is served over https", async () => {
    process.env.ISSUER_URL = "https://console.example.com";
    resetEnvForTests();
    expect(getAuthOptions().useSecureCookies).toBe(true);
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
    // The cookie the sign-in endpoint sets (lib/auth/sign-in.ts).
    expect(await sessionCookie("sid", 60)).toMatch(
      /^__Secure-next-auth\.session-token=[^;]+; Path=\/; .*; HttpOnly; SameSite=Lax; Secure$/,
    );
  });

  it("does not over plain http (local use)", async () => {
    process.env.ISSUER_URL = "http://localhost:3000";
    resetEnvForTests();
    expect(getAuthOptions().useSecureCookies).toBe(false);
    expect(sessionCookieName()).toBe("next-auth.session-token");
    expect(await sessionCookie("sid", 60)).toMatch(/^next-auth\.session-token=[^;]+; .*; HttpOnly; SameSite=Lax$/);
  });
});
