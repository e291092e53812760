import { describe, expect, it } from "vitest";
import { signInEndpoint } from "@/lib/auth/sign-in";
import { missingSignInFields, parseMissingSignInFields } from "@/lib/auth/sign-in-fields";

/** Empty sign-in fields get their own messages, not "The logon name or password is incorrect". */
const ISSUER = "http://localhost:3000";

function post(fields: [string, string][], headers: Record<string, string> = {}): Promise<Response> {
  return signInEndpoint(
    new Request(`${ISSUER}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

describe("empty sign-in fields", () => {
  it("send a browser back to the form with the empty fields named, keeping the callback and re-authentication", async () => {
    const nav = { "sec-fetch-mode": "navigate", "sec-fetch-site": "same-origin" };
    const one = await post(
      [
        ["login", ""],
        ["password", "secret"],
        ["callbackUrl", "/identities/users"],
        ["prompt", "login"],
      ],
      nav,
    );
    expect([one.status, one.headers.get("location")]).toEqual([
      303,
      "/signin?missing=login&callbackUrl=%2Fidentities%2Fusers&prompt=login",
    ]);
    const both = await post(
      [
        ["login", "   "],
        ["password", ""],
      ],
      nav,
    );
    expect(both.headers.get("location")).toBe("/signin?missing=login%2Cpassword&callbackUrl=%2F");
  });

  it("answer other clients 400 with the field messages", async () => {
    const res = await post([["login", "alice@acme.onaliyun.com"]]);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: "invalid_request",
      message: "Enter your password.",
      missing: ["password"],
    });
  });

  it("a logon name of spaces is empty; a password is taken as typed; the page reads only known field names", () => {
    expect(missingSignInFields({ login: "  ", password: " " })).toEqual(["login"]);
    expect(missingSignInFields({ login: "a", password: "b" })).toEqual([]);
    expect(parseMissingSignInFields("password,evil,login")).toEqual(["login", "password"]);
    expect(parseMissingSignInFields(undefined)).toEqual([]);
  });
});
