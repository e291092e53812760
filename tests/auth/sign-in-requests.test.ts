import { beforeEach, describe, expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { principalFromSessionToken } from "@/lib/auth/request-session";
import { signInEndpoint } from "@/lib/auth/sign-in";
import { setupSeededDatabase } from "../fixtures/db";
import { ALICE, cookieOf, FORM, ISSUER, postSignIn as post, signIn } from "../fixtures/sign-in-requests";

/** How the sign-in endpoint reads a request: size, origin, query string, where a browser goes back, the old session. */
const db = setupSeededDatabase();

beforeEach(async () => {
  await db().db.delete(rateLimits);
});

describe(`sign-in requests on ${process.env.TEST_DB}`, () => {
  it("stops reading past 64 KiB and answers 413, declared or streamed", async () => {
    const big = `login=${ALICE}&password=${"p".repeat(70 * 1024)}`;
    expect((await post(big)).status).toBe(413);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x61));
        if (pulled > 1000) controller.close();
      },
    });
    const res = await signInEndpoint(
      new Request(`${ISSUER}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": FORM },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it("never takes credentials from the query string, and refuses a cross-site form", async () => {
    const inUrl = await signInEndpoint(
      new Request(`${ISSUER}/api/auth/sign-in?login=${ALICE}&password=${DEMO_PASSWORD}`, {
        method: "POST",
        headers: { "content-type": FORM },
        body: "",
      }),
    );
    expect(inUrl.status).toBe(400);
    // The right password, so that only the origin check can refuse it.
    const rightPasswordWith = async (headers: Record<string, string>) =>
      (await signIn(ALICE, DEMO_PASSWORD, { headers: headers })).status;
    expect(await rightPasswordWith({ origin: "https://evil.example" })).toBe(403);
    expect(await rightPasswordWith({ "sec-fetch-site": "cross-site" })).toBe(403);
    expect(await rightPasswordWith({ origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBe(403);
    expect(await rightPasswordWith({ origin: "null" })).toBe(403);
    expect(await rightPasswordWith({ origin: ISSUER, "sec-fetch-site": "same-origin" })).toBe(303);
    // The console's own form under Referrer-Policy: no-referrer.
    expect(await rightPasswordWith({ origin: "null", "sec-fetch-site": "same-origin" })).toBe(303);
  });

  it("sends a browser's failed form back to the sign-in page with the error and a safe callback", async () => {
    const nav = { "sec-fetch-mode": "navigate", origin: ISSUER };
    const res = await signIn(ALICE, "wrong", {
      headers: nav,
      fields: [
        ["callbackUrl", "/\t/evil.example"],
        ["prompt", "login"],
      ],
    });
    expect([res.status, res.headers.get("location")]).toEqual([
      303,
      "/signin?error=CredentialsSignin&callbackUrl=%2F&prompt=login",
    ]);
    for (const callbackUrl of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "/.//evil.example",
      "/a\r\nSet-Cookie: x=1",
      "/\u0000",
    ]) {
      const ok = await signIn(ALICE, DEMO_PASSWORD, { headers: nav, fields: [["callbackUrl", callbackUrl]] });
      expect([ok.status, ok.headers.get("location")], JSON.stringify(callbackUrl)).toEqual([303, "/"]);
    }
  });

  it("keeps the language chosen on the sign-in page: back to the form after a failure, on into the consent pages", async () => {
    const nav = { "sec-fetch-mode": "navigate", origin: ISSUER };
    const authorize = "/oauth2/authorize?client_id=app&ui_locales=zh-CN";
    const failed = await signIn(ALICE, "wrong", {
      headers: nav,
      fields: [
        ["callbackUrl", authorize],
        ["lang", "en"],
      ],
    });
    expect(failed.headers.get("location")).toBe(
      `/signin?error=CredentialsSignin&callbackUrl=${encodeURIComponent(authorize)}&lang=en`,
    );
    const ok = await signIn(ALICE, DEMO_PASSWORD, {
      headers: nav,
      fields: [
        ["callbackUrl", authorize],
        ["lang", "en"],
      ],
    });
    expect(ok.headers.get("location")).toBe(`${authorize}&lang=en`);
    // A console page follows the cookie the switch set: it is not given `lang`; an unknown language is no choice.
    const console = await signIn(ALICE, DEMO_PASSWORD, {
      headers: nav,
      fields: [
        ["callbackUrl", "/identities/users"],
        ["lang", "en"],
      ],
    });
    expect(console.headers.get("location")).toBe("/identities/users");
    const unknown = await signIn(ALICE, DEMO_PASSWORD, {
      headers: nav,
      fields: [
        ["callbackUrl", authorize],
        ["lang", "fr"],
      ],
    });
    expect(unknown.headers.get("location")).toBe(authorize);
  });

  it("a new sign-in replaces the caller's session with a fresh one (prompt=login)", async () => {
    const first = cookieOf(await signIn(ALICE, DEMO_PASSWORD))!;
    const before = await principalFromSessionToken(first.split("=")[1]);
    const again = await signIn(ALICE, DEMO_PASSWORD, { headers: { cookie: first }, fields: [["prompt", "login"]] });
    const second = cookieOf(again)!;
    expect(second).not.toBe(first);
    expect(await principalFromSessionToken(first.split("=")[1])).toBeNull();
    const after = await principalFromSessionToken(second.split("=")[1]);
    expect(after!.sessionId).not.toBe(before!.sessionId);
    expect(after!.authTime.getTime()).toBeGreaterThanOrEqual(before!.authTime.getTime());
    // A malformed cookie is no session to replace, not an error.
    expect(
      (await signIn(ALICE, DEMO_PASSWORD, { headers: { cookie: "next-auth.session-token=%E0%A4%A" } })).status,
    ).toBe(303);
  });
});
