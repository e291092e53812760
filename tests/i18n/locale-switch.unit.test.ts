import { describe, expect, it } from "vitest";
import { localeSwitchEndpoint } from "@/lib/auth/locale-switch";

const post = (body: string, headers: Record<string, string> = {}) =>
  localeSwitchEndpoint(
    new Request("http://localhost:3000/api/locale", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    }),
  );

describe("POST /api/locale: the language switch", () => {
  it("remembers the language for a year and goes back to the console page it came from", async () => {
    const res = await post("locale=zh-CN&back=%2Fintegrations%2Foauth%3Ftab%3Dthird-party");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/integrations/oauth?tab=third-party");
    expect(res.headers.get("set-cookie")).toBe("ram_locale=zh-CN; Path=/; Max-Age=31536000; SameSite=Lax");
  });

  it("never goes back to another site", async () => {
    for (const back of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      const res = await post(`locale=en&back=${encodeURIComponent(back)}`);
      expect(res.headers.get("location")).toBe("/");
    }
  });

  it("refuses unknown or repeated languages, other content types, big forms and cross-site posts", async () => {
    expect((await post("locale=fr&back=/")).status).toBe(400);
    expect((await post("locale=en&locale=zh-CN&back=/")).status).toBe(400);
    expect((await post("back=/")).status).toBe(400);
    expect((await post("locale=en", { "content-type": "application/json" })).status).toBe(415);
    expect((await post(`locale=en&back=${"a".repeat(10_000)}`)).status).toBe(413);
    expect((await post("locale=en", { origin: "https://evil.example" })).status).toBe(403);
    expect((await post("locale=en", { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post("locale=en", { origin: "http://localhost:3000" })).status).toBe(303);
    expect((await post("locale=en", { "sec-fetch-site": "same-site" })).status).toBe(403);
    expect((await post("locale=en", { origin: "null" })).status).toBe(403);
  });

  it("says why it refuses, in the request's language", async () => {
    const zh = { "accept-language": "zh-CN" };
    const unknown = await post("locale=fr&back=/", zh);
    expect([unknown.status, unknown.headers.get("content-type"), await unknown.text()]).toEqual([
      400,
      "text/plain; charset=utf-8",
      "不支持该语言。",
    ]);
    expect(await (await post("locale=en", { ...zh, "sec-fetch-site": "cross-site" })).text()).toBe("已拒绝跨站请求。");
    expect(await (await post(`locale=en&back=${"a".repeat(10_000)}`, { cookie: "ram_locale=zh-CN" })).text()).toBe(
      "请求体过大（最多 8 KiB）。",
    );
    expect(await (await post("locale=en", { "content-type": "text/plain" })).text()).toBe(
      "Send an application/x-www-form-urlencoded form.",
    );
  });

  it("takes the browser's own form under Referrer-Policy: no-referrer (Origin: null, Sec-Fetch-Site: same-origin)", async () => {
    expect((await post("locale=zh-CN&back=/", { origin: "null", "sec-fetch-site": "same-origin" })).status).toBe(303);
    expect((await post("locale=zh-CN&back=/", { origin: "null", "sec-fetch-site": "cross-site" })).status).toBe(403);
    // The consent pages' switch comes back to the consent page with its `lang`.
    const back = await post("locale=zh-CN&back=%2Foauth2%2Fconsent%2Fabc%3Flang%3Dzh-CN", {
      origin: "null",
      "sec-fetch-site": "same-origin",
    });
    expect(back.headers.get("location")).toBe("/oauth2/consent/abc?lang=zh-CN");
    // The sign-in page's switch too: there the choice outranks the authorization request's ui_locales.
    const signIn = await post(
      `locale=en&back=${encodeURIComponent("/signin?callbackUrl=%2Foauth2%2Fauthorize%3Fui_locales%3Dzh-CN&lang=zh-CN")}`,
    );
    expect(signIn.headers.get("location")).toBe(
      "/signin?callbackUrl=%2Foauth2%2Fauthorize%3Fui_locales%3Dzh-CN&lang=en",
    );
  });
});
