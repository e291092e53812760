import type { z } from "zod";
import { AppError } from "@/lib/errors";

const MAX_BODY = 64 * 1024;

/** Reads a JSON body (at most 64 KiB) and validates it; bad input is a 422 with the reasons. */
export async function parseJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("invalid_input", "Send the request body as application/json.");
  }
  const text = await request.text();
  if (text.length > MAX_BODY) throw new AppError("invalid_input", "The request body is too large.");
  let value: unknown;
  try {
    value = text.length ? JSON.parse(text) : {};
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
  return schema.parse(value);
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const url = new URL(request.url);
  return schema.parse(Object.fromEntries(url.searchParams));
}
