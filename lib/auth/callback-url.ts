/** Longer than any console path with an authorization request in its query. */
export const MAX_CALLBACK_URL_LENGTH = 4096;

// C0 controls, DEL, C1 controls, and the backslash (which browsers read as "/" in http(s) URLs).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * Where to send someone after sign-in: a path on the console itself, or "/" when the value is
 * missing or not certainly same-origin. The value is parsed with the WHATWG URL parser (the one
 * browsers use) against the console's origin, and only a same-origin result is kept; the answer is
 * that result's path, query and fragment, serialised again, so a browser cannot read it any other way.
 */
export function safeCallbackUrl(value: string | undefined | null, origin: string): string {
  if (!value || value.length > MAX_CALLBACK_URL_LENGTH || UNSAFE.test(value)) return "/";
  const base = new URL(origin);
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin || url.username || url.password) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" parses to the path "//evil.example", which alone would be a host.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  // Encoded controls and backslashes in the path, or an encoded second slash: harmless here, but a
  // single careless decode elsewhere would turn them into the payloads above.
  if (/%(?:[01][0-9a-f]|7f|5c)/i.test(url.pathname) || /^\/%2f/i.test(url.pathname)) return "/";
  return path;
}
