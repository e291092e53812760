import { OAuthError, type OAuthErrorCode } from "./oauth-error";

export const BEARER_REALM = "oauth2";

/** RFC 6750 §2.1: `Bearer` SP b64token. undefined = not a Bearer header; null = Bearer but malformed. */
export function parseBearer(authorization: string): string | null | undefined {
  const match = /^bearer(?:\s+(.*))?$/i.exec(authorization.trim());
  if (!match) return undefined;
  const token = (match[1] ?? "").trim();
  return /^[A-Za-z0-9\-._~+/]+=*$/.test(token) ? token : null;
}

/** RFC 6750 §3: the WWW-Authenticate challenge; without a code it is the bare challenge of §3.1. */
export function bearerChallenge(code?: OAuthErrorCode, description?: string, scope?: string): string {
  const parts = [`realm="${BEARER_REALM}"`];
  if (code) parts.push(`error="${code}"`);
  if (description) parts.push(`error_description="${description.replace(/["\\]/g, "")}"`);
  if (scope) parts.push(`scope="${scope}"`);
  return `Bearer ${parts.join(", ")}`;
}

/** An RFC 6750 §3.1 error: invalid_request 400, invalid_token 401, insufficient_scope 403, with the challenge. */
export function bearerError(code: "invalid_request" | "invalid_token" | "insufficient_scope", description: string, scope?: string): OAuthError {
  return new OAuthError(code, description, { "www-authenticate": bearerChallenge(code, description, scope) });
}
