import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { API_BODY_LIMIT, readBodyText } from "@/lib/http/body-limit";

/**
 * Reads a JSON body and validates it; bad input is a 422 with the reasons. A body over 1 MiB is a
 * 413, refused unread when declared and cancelled where it passes the limit when streamed.
 */
export async function parseJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("invalid_input", { key: "apiErrors.api.jsonBodyRequired" });
  }
  const text = await readBodyText(request, API_BODY_LIMIT);
  let value: unknown;
  try {
    value = text.length ? JSON.parse(text, refuseUnstorable) : {};
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("invalid_input", { key: "apiErrors.api.invalidJson" });
  }
  return schema.parse(value);
}

/** NUL and lone surrogates cannot be stored as PostgreSQL text: refused as input, never a 500 from the database. */
function refuseUnstorable(_key: string, value: unknown): unknown {
  if (typeof value === "string" && !storable(value))
    throw new AppError("invalid_input", { key: "apiErrors.api.bodyUnstorable" });
  return value;
}

export function storable(value: string): boolean {
  return !value.includes("\u0000") && value.isWellFormed();
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const url = new URL(request.url);
  for (const value of url.searchParams.values()) {
    if (!storable(value)) throw new AppError("invalid_input", { key: "apiErrors.api.queryUnstorable" });
  }
  return schema.parse(Object.fromEntries(url.searchParams));
}
