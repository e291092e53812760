import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isDatabaseUnavailable } from "@/lib/http/database-unavailable";
import { toResponse } from "@/lib/oauth/error-response";
import { safeErrorMessage } from "@/lib/http/log";

/** The errors node-postgres and drizzle raise when PostgreSQL goes away, as tests/security/db-faults.test.ts provokes them. */
const failedQuery = (cause: unknown) => new DrizzleQueryError("select 1", [], cause as Error);
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("database errors", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ["ECONNREFUSED (server stopped)", failedQuery(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))],
    [
      "ECONNREFUSED of a dual-stack connect (AggregateError)",
      Object.assign(new AggregateError([], ""), { code: "ECONNREFUSED" }),
    ],
    [
      "Connection terminated unexpectedly (socket closed)",
      failedQuery(new Error("Connection terminated unexpectedly")),
    ],
    [
      "57P01 admin_shutdown (pg_terminate_backend, fast shutdown)",
      failedQuery(withCode("terminating connection due to administrator command", "57P01")),
    ],
    ["57P03 cannot_connect_now (starting up)", withCode("the database system is starting up", "57P03")],
    [
      "the failed rollback after a lost connection",
      failedQuery(new Error("Client has encountered a connection error and is not queryable")),
    ],
    ["a pool connect timeout", new Error("timeout exceeded when trying to connect")],
  ])("%s counts as 'unavailable': 503 + Retry-After, temporarily_unavailable for OAuth", async (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const api = toResponse(error, "api");
    expect([api.status, api.headers.get("retry-after"), ((await api.json()) as { error: string }).error]).toEqual([
      503,
      "5",
      "unavailable",
    ]);
    const oauth = toResponse(error, "oauth");
    expect([oauth.status, oauth.headers.get("retry-after"), ((await oauth.json()) as { error: string }).error]).toEqual(
      [503, "5", "temporarily_unavailable"],
    );
  });

  it.each([
    ["a unique violation", failedQuery(withCode("duplicate key value violates unique constraint", "23505"))],
    ["a plain bug", new TypeError("x is undefined")],
  ])("%s is a 500, not an outage", (_, error) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(toResponse(error, "api").status).toBe(500);
  });

  it("never logs a failed query's parameters (password and token hashes, secrets)", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    const error = new DrizzleQueryError(
      'select "id" from "ram_users" where "password_hash" = $1 and "name" = $2',
      ["scrypt$16384$8$1$c2FsdA$aGFzaA", "s3cr3t-token"],
      withCode("deadlock detected", "40P01"),
    );
    expect(safeErrorMessage(error)).toBe("database query failed: deadlock detected (40P01)");
    toResponse(error, "api");
    toResponse(error, "oauth");
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain("scrypt$");
      expect(line).not.toContain("s3cr3t-token");
      expect(line).not.toContain("password_hash");
      expect(line).toContain("deadlock detected");
    }
  });
});
