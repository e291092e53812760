import { readBodyText } from "@/lib/http/body-limit";
import { invalidRequest } from "./oauth-error";

/** Token, revocation and introspection requests are small; anything larger is refused unread (413 invalid_request, lib/oauth/error-response.ts). */
export const MAX_FORM_BYTES = 16 * 1024;

export type FormParams = ReadonlyMap<string, string>;

/**
 * Reads an application/x-www-form-urlencoded body (RFC 6749 §3.2) and keeps only the parameters in
 * `allowed`. Unknown parameters are ignored (§3.2: "MUST ignore unrecognized request parameters");
 * a recognized parameter sent twice is refused (§3.2: "MUST NOT be included more than once"), and an
 * empty value counts as omitted (§3.1).
 */
export async function readForm(request: Request, allowed: readonly string[]): Promise<FormParams> {
  if (request.method !== "POST") throw invalidRequest("Use POST.");
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw invalidRequest("Send the request body as application/x-www-form-urlencoded.");
  }
  return parseForm(await readBodyText(request, MAX_FORM_BYTES), allowed);
}

export function parseForm(body: string, allowed: readonly string[]): FormParams {
  const seen = new Map<string, string>();
  const wanted = new Set(allowed);
  for (const [key, value] of new URLSearchParams(body)) {
    if (!wanted.has(key)) continue;
    if (seen.has(key)) throw invalidRequest(`The parameter ${key} was sent more than once.`);
    seen.set(key, value);
  }
  for (const [key, value] of seen) if (value === "") seen.delete(key);
  return seen;
}
