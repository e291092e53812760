import { z } from "zod";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { toResponse } from "@/lib/oauth/error-response";

const body = async (res: Response) => (await res.json()) as { message?: string; error_description?: string };

describe("error messages in the request's language", () => {
  it("the console API renders a catalog message in the locale", async () => {
    const error = new AppError("forbidden", { key: "errors.forbidden" });
    expect((await body(toResponse(error, "api", "zh-CN"))).message).toBe("您没有执行此操作的权限。");
    expect((await body(toResponse(error, "api", "en"))).message).toBe("You do not have permission to do this.");
  });

  it("zod's own messages follow the locale; a schema's catalog key is rendered from the catalog", async () => {
    const parsed = z.object({ n: z.number(), m: z.string().min(1, "errors.notFound") }).safeParse({ n: "x", m: "" });
    const res = toResponse(parsed.error, "api", "zh-CN");
    const { details } = (await res.json()) as { details: { issues: { path: string; message: string }[] } };
    expect(details.issues).toEqual([
      { path: "n", message: "无效输入：期望 数字" },
      { path: "m", message: "未找到。" },
    ]);
  });

  it("OAuth JSON errors stay English printable ASCII (RFC 6749 §5.2)", async () => {
    const res = toResponse(new Error("boom"), "oauth", "zh-CN");
    expect((await body(res)).error_description).toMatch(/^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/);
  });
});
