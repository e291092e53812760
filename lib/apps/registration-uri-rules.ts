/** Hosts on which a plain-http redirect URI is allowed (RFC 8252 §7.3 loopback redirection). */
/** Loopback hosts as the WHATWG URL parser writes them (RFC 8252 §7.3). */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "[::1]", "localhost"]);

/** A private-use URI scheme in reverse-domain form, e.g. `com.example.app` (RFC 8252 §7.1). */
const PRIVATE_USE_SCHEME = /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+$/;

export const MAX_REDIRECT_URIS = 10;
export const MAX_URI_LENGTH = 2000;

export type UriKind = "redirect" | "homepage" | "logo";

/**
 * Why a URI cannot be registered, as a code; the schemas word it (lib/apps/app-schemas.ts, catalog
 * `validation.uri.*`). `loopback`: https, or http only on a loopback host (127.0.0.1, [::1] or
 * localhost); `nativeScheme`: that, or a reverse-domain private-use scheme (NativeApp);
 * `httpsOnly`: https only (logo).
 */
export type UriProblem =
  | "tooLong"
  | "controlChars"
  | "notAbsolute"
  | "userInfo"
  | "fragment"
  | "noHost"
  | "loopback"
  | "nativeScheme"
  | "httpsOnly";

/**
 * Why a URI cannot be registered, or null when it can. Redirect URIs are compared as exact
 * strings at authorization time (RFC 6749 §3.1.2), so the string is stored exactly as given.
 */
export function redirectUriProblem(uri: string, appType: string): UriProblem | null {
  const common = commonProblem(uri);
  if (common) return common;
  const url = new URL(uri);
  const scheme = url.protocol.slice(0, -1);
  // The redirection endpoint URI must not include a fragment component (RFC 6749 §3.1.2).
  if (uri.includes("#")) return "fragment";
  if (scheme === "https") return url.hostname ? null : "noHost";
  if (scheme === "http") return LOOPBACK_HOSTS.has(url.hostname) ? null : "loopback";
  if (appType === "NativeApp" && PRIVATE_USE_SCHEME.test(scheme)) return null;
  return appType === "NativeApp" ? "nativeScheme" : "loopback";
}

/** Homepage and logo URLs: https (http only on a loopback host for the homepage, handy in development). */
export function webUrlProblem(uri: string, kind: Exclude<UriKind, "redirect">): UriProblem | null {
  const common = commonProblem(uri);
  if (common) return common;
  const url = new URL(uri);
  if (url.protocol === "https:") return null;
  if (kind === "homepage" && url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return kind === "logo" ? "httpsOnly" : "loopback";
}

function commonProblem(uri: string): UriProblem | null {
  if (uri.length > MAX_URI_LENGTH) return "tooLong";
  if (/[\s\u0000-\u001f\u007f]/.test(uri)) return "controlChars";
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return "notAbsolute";
  }
  if (url.username || url.password || /^[^:]+:\/\/[^/?#]*@/.test(uri)) return "userInfo";
  return null;
}
