const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08003",
  "08006",
  "08001",
  "08004",
]);

/** PostgreSQL / PGlite errors that mean "the database is not there right now". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: unknown } | null;
  if (!e) return false;
  if (e.code && CODES.has(e.code)) return true;
  // "not queryable": the rollback after a lost connection fails with it, hiding the first error.
  if (
    typeof e.message === "string" &&
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|is not queryable/i.test(e.message)
  )
    return true;
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
}
