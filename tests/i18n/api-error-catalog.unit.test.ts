import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createApplicationSchema } from "@/lib/apps/app-schemas";
import { forbidden, notFound } from "@/lib/errors";
import { renderMessage } from "@/lib/i18n/translator";
import { catalogs } from "@/lib/i18n/messages";
import { issueMessage, toResponse } from "@/lib/oauth/error-response";
import { passwordSchema } from "@/lib/ram/schemas";
import { firstOwnerSchema } from "@/lib/setup/first-owner-schema";

const root = path.join(import.meta.dirname, "../..");
type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix: string): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}.${k}`] : keysOf(v, `${prefix}.${k}`),
  );
}

/** The message keys of the API's errors and the schemas' issues (the namespaces this test guards). */
const catalogKeys = new Set([
  ...keysOf(catalogs.en.apiErrors as Tree, "apiErrors"),
  ...keysOf(catalogs.en.validation as Tree, "validation"),
]);

/** Every `"apiErrors.…"` / `"validation.…"` string literal in app/ and lib/. */
function referencedKeys(): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of ["app", "lib"])
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
      const file = path.relative(root, path.join(entry.parentPath, entry.name));
      for (const m of readFileSync(path.join(root, file), "utf8").matchAll(
        /["'`]((?:apiErrors|validation)\.[\w.-]+)["'`]/g,
      ))
        found.set(m[1]!, file);
    }
  return found;
}

const en = (key: string, values?: Record<string, string | number>) => renderMessage({ key, values }, "en");
const zh = (key: string, values?: Record<string, string | number>) => renderMessage({ key, values }, "zh-CN");

describe("API error and validation messages", () => {
  it("every key the code names is in the catalogs, and every catalog message is used", () => {
    const used = referencedKeys();
    expect([...used].filter(([key]) => !catalogKeys.has(key)).map(([key, file]) => `${file}: ${key}`)).toEqual([]);
    expect([...catalogKeys].filter((key) => !used.has(key))).toEqual([]);
  });

  it("the English of ICU messages is the English the API answered before", () => {
    const cases: [string, Record<string, string | number>, string][] = [
      ["apiErrors.ram.noSuchPrincipal", { type: "user" }, "No such RAM user in this account."],
      ["apiErrors.ram.noSuchPrincipal", { type: "group" }, "No such user group in this account."],
      ["apiErrors.ram.noSuchPrincipal", { type: "role" }, "No such RAM role in this account."],
      ["apiErrors.ram.alreadyExists", { type: "user", name: "bob" }, "A RAM user named bob already exists."],
      ["apiErrors.ram.alreadyExists", { type: "group", name: "ops" }, "A user group named ops already exists."],
      ["apiErrors.ram.alreadyExists", { type: "role", name: "auditor" }, "A RAM role named auditor already exists."],
      [
        "apiErrors.apps.publicClientNoSecrets",
        { type: "NativeApp" },
        "A NativeApp is a public client: it has no secrets.",
      ],
      [
        "apiErrors.apps.publicClientNoSecrets",
        { type: "oauth21" },
        "An OAuth 2.1 application is a public client: it has no secrets.",
      ],
      ["apiErrors.apps.tooManySecrets", { max: 2 }, "An application has at most 2 secrets. Delete one first."],
      ["apiErrors.apps.assigneeCount", { min: 1, max: 100 }, "Select between 1 and 100 users or groups."],
      [
        "apiErrors.apps.notOptionalScope",
        { app: "Insight", scopes: "a, b" },
        "Not an optional scope of Insight: a, b.",
      ],
      ["apiErrors.ram.alreadyTrustee", { user: "bob", role: "ops" }, "bob may already switch to ops."],
      [
        "validation.ram.name",
        {},
        "Use 1–64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit",
      ],
      [
        "validation.uri.tooLong",
        { field: "redirect", uri: "https://x", max: 2000 },
        "Redirect URI https://x must be at most 2000 characters",
      ],
      [
        "validation.uri.loopback",
        { field: "homepage", uri: "http://x", max: 2000 },
        "The homepage URL must use https, or http only on a loopback host (127.0.0.1, [::1] or localhost)",
      ],
      [
        "validation.app.refreshTokenValidity.range",
        { min: 7200, max: 31536000 },
        "Refresh token validity must be between 7200 and 31536000 seconds",
      ],
    ];
    expect(cases.map(([key, values]) => en(key, values))).toEqual(cases.map(([, , text]) => text));
  });

  it("Chinese follows the glossary, with the counts and types filled in", () => {
    expect(zh("apiErrors.ram.noSuchPrincipal", { type: "role" })).toBe("当前账号下不存在该 RAM 角色。");
    expect(zh("apiErrors.apps.tooManySecrets", { max: 2 })).toBe("每个应用最多 2 个应用密钥，请先删除一个。");
    expect(zh("apiErrors.apps.alreadyDeclaresScope", { scope: "profile" })).toBe("该应用已声明授权范围 profile。");
    expect(zh("validation.uri.notAbsolute", { field: "redirect", uri: "x", max: 2000 })).toBe(
      "回调地址 x 不是绝对 URI",
    );
    expect(zh("validation.uri.notAbsolute", { field: "logo", uri: "x", max: 2000 })).toBe("Logo 地址不是绝对 URI");
  });

  it("a schema issue gets its ICU arguments from the refinement's params and the size check's bound", () => {
    const issues = (r: { error?: { issues: Parameters<typeof issueMessage>[0][] } }) =>
      (r.error?.issues ?? []).map((i) => [issueMessage(i, "en"), issueMessage(i, "zh-CN")]);
    const app = createApplicationSchema.safeParse({
      name: "x".repeat(65),
      type: "WebApp",
      redirectUris: ["https://a.example.com/cb", "https://a.example.com/cb"],
      accessTokenValidity: 60,
    });
    expect(issues(app)).toEqual([
      ["Use at most 64 characters for the display name", "显示名称最多 64 个字符"],
      ["Access token validity must be between 900 and 10800 seconds", "访问令牌有效期必须在 900 到 10800 秒之间"],
      ["Redirect URI https://a.example.com/cb is listed twice", "回调地址 https://a.example.com/cb 出现了两次"],
    ]);
    expect(issues(passwordSchema.safeParse("Ab1"))).toEqual([["Use at least 8 characters", "至少使用 8 个字符"]]);
    const owner = firstOwnerSchema.safeParse({
      email: "a@b.example",
      alias: "acme-corp",
      password: "short",
      confirmPassword: "other",
    });
    expect(issues(owner)).toEqual([
      ["At least 12 characters.", "至少 12 个字符。"],
      ["The passwords do not match.", "两次输入的密码不一致。"],
    ]);
  });

  it("forbidden() and notFound() default to errors.forbidden and errors.notFound, in the request's language", async () => {
    const message = async (res: Response) => ((await res.json()) as { message: string }).message;
    expect(await message(toResponse(forbidden(), "api", "zh-CN"))).toBe("您没有执行此操作的权限。");
    expect(await message(toResponse(forbidden(), "api", "en"))).toBe("You do not have permission to do this.");
    expect(await message(toResponse(notFound(), "api", "zh-CN"))).toBe("未找到。");
    expect(forbidden().ref).toEqual({ key: "errors.forbidden" });
  });
});
