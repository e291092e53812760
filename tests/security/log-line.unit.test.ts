import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toResponse } from "@/lib/oauth/error-response";
import { logError, MAX_LOG_LINE } from "@/lib/http/log";

const MARKER = "MARKER-7f3a";
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

function captureConsole(): string[] {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  for (const level of ["error", "warn", "log", "info"] as const) vi.spyOn(console, level).mockImplementation(keep);
  return lines;
}

describe("log lines", () => {
  afterEach(() => vi.restoreAllMocks());

  it("are one line of at most 500 characters, and leave out what an error quotes of the request", () => {
    const lines = captureConsole();
    const huge = MARKER.repeat(500_000); // 5 MB
    const errors = [
      new DrizzleQueryError(
        'select "id" from "ram_users" where "id" = $1',
        [huge],
        withCode(`invalid input syntax for type uuid: "${huge}"`, "22P02"),
      ),
      new DrizzleQueryError("select 1", [huge], withCode(`invalid input syntax for type uuid: "${MARKER}"`, "22P02")),
      new SyntaxError(`Unexpected token 'x', "${huge}" is not valid JSON`),
      new TypeError(`bad\nforged line "${MARKER}`),
      new Error("x".repeat(5_000_000)),
    ];
    for (const error of errors) {
      logError("context", error);
      expect(toResponse(error, "api").status).toBe(500);
      expect(toResponse(error, "oauth").status).toBe(500);
      expect(toResponse(error, "page").status).toBe(500);
    }
    expect(lines).toHaveLength(errors.length * 4);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(MAX_LOG_LINE);
      expect(line).not.toContain(MARKER);
      expect(line).not.toMatch(/[\n\r]/);
    }
    expect(lines[0]).toContain("invalid input syntax for type uuid");
    expect(lines[0]).toContain("22P02");
  });
});
