import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { forbidden } from "@/lib/errors";
import { runTool } from "@/lib/mcp/tool-context";
import { setupEndpoint } from "@/lib/setup/setup-endpoint";
import { setupSeededDatabase } from "../fixtures/db";
import { principalOf } from "../fixtures/principals";
import { ISSUER, send, type Call } from "../fixtures/route-cases";
import { newApp, officialApp } from "../fixtures/security-targets";
import { sessionCookieFor } from "../fixtures/session-cookie";

/**
 * The console API answers in the request's language (lib/api/handler.ts → localeOfRequest): the
 * `ram_locale` cookie of the language switch first, then Accept-Language, then English. Real route
 * handlers, real console sessions.
 */
const db = setupSeededDatabase();

type Lang = "cookie zh-CN" | "accept-language zh-CN" | "cookie en over accept-language zh-CN" | "none" | "fr";
const LANGS: Lang[] = ["cookie zh-CN", "accept-language zh-CN", "cookie en over accept-language zh-CN", "none", "fr"];
const chinese = (lang: Lang) => lang === "cookie zh-CN" || lang === "accept-language zh-CN";

/** The caller's headers: a console session (unless null) and the language of `lang`. */
async function headersOf(who: string | null, lang: Lang): Promise<Record<string, string>> {
  const cookies: string[] = [];
  const headers: Record<string, string> = { origin: ISSUER };
  if (who) cookies.push((await sessionCookieFor(db().db, await principalOf(db().db, who))).cookie);
  if (lang === "cookie zh-CN") cookies.push("ram_locale=zh-CN");
  if (lang === "accept-language zh-CN") headers["accept-language"] = "zh-CN,zh;q=0.9,en;q=0.8";
  if (lang === "cookie en over accept-language zh-CN") {
    cookies.push("ram_locale=en");
    headers["accept-language"] = "zh-CN";
  }
  if (lang === "fr") headers["accept-language"] = "fr-FR, de;q=0.5";
  if (cookies.length) headers.cookie = cookies.join("; ");
  return headers;
}

type Answer = {
  status: number;
  error: string;
  message: string;
  details?: { issues: { path: string; message: string }[] };
};

async function call(key: string, c: Call, who: string | null, lang: Lang): Promise<Answer> {
  const res = await send(key, c, await headersOf(who, lang));
  return { status: res.status, ...((await res.json()) as Omit<Answer, "status">) };
}

describe(`API error messages in the request's language, on ${process.env.TEST_DB}`, () => {
  let withProfile: string;
  let provisioned: { clientId: string; name: string };
  beforeAll(async () => {
    withProfile = (await newApp(db().db, { owner: "acme", scopes: ["profile"] })).clientId;
    const official = await officialApp(db().db, "acme");
    const [row] = await db()
      .db.select({ name: s.applications.name })
      .from(s.applications)
      .where(eq(s.applications.clientId, official.clientId));
    provisioned = { clientId: official.clientId, name: row!.name };
  });

  it.each(LANGS)("not found (%s)", async (lang) => {
    const answer = await call(
      "GET /apps/[clientId]",
      { params: { clientId: "4000000000000000001" } },
      "admin@acme",
      lang,
    );
    expect(answer).toEqual({
      status: 404,
      error: "not_found",
      message: chinese(lang) ? "当前账号下不存在该应用。" : "No such application in this account.",
    });
  });

  it.each(LANGS)("conflicts with values: the scope already declared, the app already installed (%s)", async (lang) => {
    const declared = await call(
      "POST /apps/[clientId]/scopes",
      { params: { clientId: withProfile }, body: { scope: "profile" } },
      "admin@acme",
      lang,
    );
    expect(declared).toEqual({
      status: 409,
      error: "conflict",
      message: chinese(lang) ? "该应用已声明授权范围 profile。" : "The application already declares the scope profile.",
    });
    const installed = await call(
      "POST /official-apps/[clientId]/provision",
      { params: { clientId: provisioned.clientId }, body: {} },
      "admin@acme",
      lang,
    );
    expect(installed).toEqual({
      status: 409,
      error: "conflict",
      message: chinese(lang)
        ? `${provisioned.name} 已安装在当前账号中。`
        : `${provisioned.name} is already installed in this account.`,
    });
  });

  it.each(LANGS)("a schema's own message: the display name too long (%s)", async (lang) => {
    const body = { name: "x".repeat(65), type: "WebApp", redirectUris: ["https://app.example.com/cb"] };
    const answer = await call("POST /apps", { params: {}, body }, "admin@acme", lang);
    const text = chinese(lang) ? "显示名称最多 64 个字符" : "Use at most 64 characters for the display name";
    expect(answer).toEqual({
      status: 422,
      error: "invalid_input",
      message: `name: ${text}`,
      details: { issues: [{ path: "name", message: text }] },
    });
  });

  it.each(LANGS)("forbidden: not an administrator; not signed in (%s)", async (lang) => {
    const body = { name: "newbie", displayName: "New", password: "Str0ng-passw0rd" };
    const refused = await call("POST /users", { params: {}, body }, "alice@acme", lang);
    expect(refused).toEqual({
      status: 403,
      error: "forbidden",
      message: chinese(lang)
        ? "只有阿里云账号或 RAM 管理员才能执行此操作。"
        : "Only the Alibaba Cloud account or a RAM administrator can do this.",
    });
    const out = await call("GET /users", { params: {} }, null, lang);
    expect(out).toEqual({
      status: 401,
      error: "unauthorized",
      message: chinese(lang) ? "请先登录控制台。" : "Sign in to the console first.",
    });
  });

  it.each(LANGS)("the setup endpoint, closed once an account exists (%s)", async (lang) => {
    const headers = { ...(await headersOf(null, lang)), "content-type": "application/x-www-form-urlencoded" };
    const res = await setupEndpoint(new Request(`${ISSUER}/api/setup`, { method: "POST", headers, body: "email=a" }));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toBe(
      chinese(lang) ? "此控制台已完成初始化，请直接登录。" : "This console is already set up. Sign in instead.",
    );
  });

  it("an MCP tool's refusal is in English (MCP hosts are programs), whatever the catalog key", async () => {
    const actor = await principalOf(db().db, "alice@acme");
    const result = await runTool({ actor, client: { clientId: "4000000000000000002", name: "Host" } }, "t", () =>
      Promise.reject(forbidden({ key: "apiErrors.ram.adminRequired" })),
    );
    expect(result).toEqual({
      isError: true,
      content: [
        {
          type: "text",
          text: "forbidden: Only the Alibaba Cloud account or a RAM administrator can do this. Your RAM policies do not allow this; ask an administrator.",
        },
      ],
    });
  });
});
