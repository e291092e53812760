/** Hosts on which a plain-http redirect URI is allowed (RFC 8252 §7.3 loopback redirection). */
/** Loopback hosts as the WHATWG URL parser writes them (RFC 8252 §7.3). */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "[::1]", "localhost"]);
const LOOPBACK_RULE = "must use https, or http only on a loopback host (127.0.0.1, [::1] or localhost)";

/** A private-use URI scheme in reverse-domain form, e.g. `com.example.app` (RFC 8252 §7.1). */
const PRIVATE_USE_SCHEME = /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+$/;

export const MAX_REDIRECT_URIS = 10;
export const MAX_URI_LENGTH = 2000;

export type UriKind = "redirect" | "homepage" | "logo";

/**
 * Why a URI cannot be registered, or null when it can. Redirect URIs are compared as exact
 * strings at authorization time (RFC 6749 §3.1.2), so the string is stored exactly as given.
 */
export function redirectUriProblem(uri: string, appType: string): string | null {
  const common = commonProblem(uri);
  if (common) return common;
  const url = new URL(uri);
  const scheme = url.protocol.slice(0, -1);
  // The redirection endpoint URI must not include a fragment component (RFC 6749 §3.1.2).
  if (uri.includes("#")) return "must not contain a fragment (#…)";
  if (scheme === "https") return url.hostname ? null : "needs a host";
  if (scheme === "http") return LOOPBACK_HOSTS.has(url.hostname) ? null : LOOPBACK_RULE;
  if (appType === "NativeApp" && PRIVATE_USE_SCHEME.test(scheme)) return null;
  return appType === "NativeApp"
    ? "must use https, http on a loopback host, or a reverse-domain private-use scheme such as com.example.app:/callback"
    : LOOPBACK_RULE;
}

/** Homepage and logo URLs: https (http only on a loopback host for the homepage, handy in development). */
export function webUrlProblem(uri: string, kind: Exclude<UriKind, "redirect">): string | null {
  const common = commonProblem(uri);
  if (common) return common;
  const url = new URL(uri);
  if (url.protocol === "https:") return null;
  if (kind === "homepage" && url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return kind === "logo" ? "must use https" : LOOPBACK_RULE;
}

function commonProblem(uri: string): string | null {
  if (uri.length > MAX_URI_LENGTH) return `must be at most ${MAX_URI_LENGTH} characters`;
  if (/[\s\u0000-\u001f\u007f]/.test(uri)) return "must not contain spaces or control characters";
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return "is not an absolute URI";
  }
  if (url.username || url.password || /^[^:]+:\/\/[^/?#]*@/.test(uri))
    return "must not contain a user name or password";
  return null;
}
