/** No log line is longer than this. */
export const MAX_LOG_LINE = 500;

/**
 * The one way server code logs an unexpected error: a fixed context and what may be logged of the
 * error (safeErrorMessage), never request parameters, bodies, cookies or tokens; one line of at most
 * MAX_LOG_LINE characters.
 */
export function logError(context: string, error?: unknown): void {
  console.error(logLine(error === undefined ? context : `${context}: ${safeErrorMessage(error)}`));
}

/** A bounded single line: control characters (forged line breaks) become spaces, the rest is cut. */
export function logLine(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, " ");
  return clean.length > MAX_LOG_LINE ? `${clean.slice(0, MAX_LOG_LINE - 1)}…` : clean;
}

/**
 * What may be logged of an unexpected error. A failed query's message carries its parameters
 * (password and token hashes, secrets): log the driver's own message and code instead. Quoted parts
 * of a message ("invalid input syntax for type uuid: "…"", JSON.parse's excerpt) can be request
 * data, so they are left out.
 */
export function safeErrorMessage(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  if ("params" in error && "query" in error) {
    const cause = error.cause as { message?: unknown; code?: unknown } | undefined;
    return `database query failed: ${typeof cause?.message === "string" ? unquote(cause.message) : "no details"}${typeof cause?.code === "string" ? ` (${cause.code.slice(0, 10)})` : ""}`;
  }
  return `${error.name}: ${unquote(error.message)}`;
}

function unquote(message: string): string {
  return message.slice(0, 2 * MAX_LOG_LINE).replace(/"[^"]*("|$)/g, '"…"');
}
