import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

/** The proxy's 404 for a path that does not decode, in the request's language (issue 14). */
const get = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`http://localhost:3000${path}`, { headers })) as Response;

describe("a malformed %-path answers 404 in the request's language", () => {
  it("a page: a plain page without script, in Chinese by cookie or Accept-Language, else English", async () => {
    const zh = get("/identities/users/%zz", { cookie: "ram_locale=zh-CN" });
    expect(zh.status).toBe(404);
    expect(zh.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await zh.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/<title>页面不存在 · [^<]+<\/title>/);
    expect(html).toContain('<a class="button primary" href="/">返回控制台</a>');
    expect(html).toContain('<link rel="stylesheet" href="/consent.css">');
    expect(html).not.toMatch(/<script\b/);
    expect(zh.headers.get("content-security-policy")).toContain("style-src 'self'");
    expect(zh.headers.get("content-security-policy")).not.toContain("script-src");
    expect(await get("/oauth2/consent/%E0%A4%A", { "accept-language": "zh-CN,zh;q=0.9" }).text()).toContain(
      "<h1>页面不存在</h1>",
    );
    const en = await get("/identities/roles/%").text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("<h1>Not found</h1>");
  });

  it("the API and protocol endpoints: JSON not_found with the message in the request's language", async () => {
    const zh = get("/api/v1/users/%zz", { "accept-language": "zh-CN" });
    expect([zh.status, zh.headers.get("content-type")]).toEqual([404, "application/json; charset=utf-8"]);
    expect(await zh.json()).toEqual({ error: "not_found", message: "资源不存在：路径无效。" });
    expect(await get("/oauth2/%zz").json()).toEqual({
      error: "not_found",
      message: "No such resource: the path is not valid.",
    });
  });
});
