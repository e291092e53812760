import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setHandleForTests } from "@/db/client";
import { loadStartupData } from "@/db/startup";
import { setupEndpoint } from "@/lib/setup/setup-endpoint";
import { decodeSetupFormState, SETUP_FORM_COOKIE } from "@/lib/setup/setup-form-state";
import { createTestDatabase, type TestDb } from "../fixtures/db";

/**
 * The first-run form goes back to /setup with the reasons in a cookie (lib/setup/setup-endpoint.ts):
 * they are written in the request's language, so the page shows them as they are.
 */
const ISSUER = "http://localhost:3000";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDatabase();
  await loadStartupData(db.db, { demoData: false });
  setHandleForTests(db);
});
afterAll(async () => {
  await db?.dispose();
});

async function reasons(headers: Record<string, string>): Promise<Record<string, string>> {
  const body = new URLSearchParams({
    email: "owner@onaliyun.com",
    alias: "-bad",
    password: "short",
    confirmPassword: "other",
  }).toString();
  const res = await setupEndpoint(
    new Request(`${ISSUER}/api/setup`, {
      method: "POST",
      headers: { origin: ISSUER, "content-type": "application/x-www-form-urlencoded", ...headers },
      body,
    }),
  );
  expect(res.status).toBe(303);
  const value = res.headers.get("set-cookie")!.split(";")[0]!.slice(`${SETUP_FORM_COOKIE}=`.length);
  return decodeSetupFormState(value)!.errors;
}

describe(`the first-run form's reasons in the request's language, on ${process.env.TEST_DB}`, () => {
  it("English by default", async () => {
    expect(await reasons({})).toEqual({
      email: "Addresses at onaliyun.com are RAM user logon names; use another e-mail address.",
      alias: "3 to 64 characters: lowercase letters, digits and hyphens, not starting with a hyphen.",
      password: "At least 12 characters.",
      confirmPassword: "The passwords do not match.",
    });
  });

  it.each<Record<string, string>>([{ cookie: "ram_locale=zh-CN" }, { "accept-language": "zh-CN,zh;q=0.9" }])(
    "Chinese with %o",
    async (h) => {
      expect(await reasons(h)).toEqual({
        email: "onaliyun.com 下的地址是 RAM 用户的登录名称，请使用其他邮箱地址。",
        alias: "3 到 64 个字符：小写字母、数字和连字符，不能以连字符开头。",
        password: "至少 12 个字符。",
        confirmPassword: "两次输入的密码不一致。",
      });
    },
  );
});
