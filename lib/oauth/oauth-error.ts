/**
 * OAuth / OIDC protocol errors, with the codes the RFCs name (RFC 6749 §5.2, RFC 6750 §3.1,
 * RFC 7009 §2.2.1, OIDC Core §3.1.2.6). One class per code keeps the status in one place.
 */
export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "invalid_target"
  | "invalid_redirect_uri"
  | "invalid_client_metadata"
  | "invalid_token"
  | "insufficient_scope"
  | "unsupported_token_type"
  | "access_denied"
  | "unsupported_response_type"
  | "login_required"
  | "consent_required"
  | "interaction_required"
  | "server_error"
  | "temporarily_unavailable";

const statusOf: Record<OAuthErrorCode, number> = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  invalid_scope: 400,
  invalid_target: 400,
  invalid_redirect_uri: 400,
  invalid_client_metadata: 400,
  invalid_token: 401,
  insufficient_scope: 403,
  unsupported_token_type: 400,
  access_denied: 403,
  unsupported_response_type: 400,
  login_required: 400,
  consent_required: 400,
  interaction_required: 400,
  server_error: 500,
  temporarily_unavailable: 503,
};

export class OAuthError extends Error {
  readonly status: number;
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    /** Extra response headers, e.g. WWW-Authenticate. */
    readonly headers: Record<string, string> = {},
    /** Only where HTTP semantics name a better status than the code's (413 for a body over the limit). */
    status?: number,
    /** RFC 6750 §3.1: a request without any authentication gets the bare challenge and no error code. */
    readonly withoutCode = false,
  ) {
    super(description);
    this.name = "OAuthError";
    this.status = status ?? statusOf[code];
  }
}

export const BEARER_REALM = "oauth2";

/** RFC 6750 §3: the WWW-Authenticate challenge; without a code it is the bare challenge of §3.1. */
export function bearerChallenge(
  code?: OAuthErrorCode,
  description?: string,
  scope?: string,
  extra: Record<string, string> = {},
): string {
  const parts = [`realm="${BEARER_REALM}"`];
  // RFC 9728 §5.1: resource_metadata (and any other extra parameter), first so hosts find it.
  for (const [name, value] of Object.entries(extra)) parts.unshift(`${name}="${value.replace(/["\\]/g, "")}"`);
  if (code) parts.push(`error="${code}"`);
  if (description) parts.push(`error_description="${description.replace(/["\\]/g, "")}"`);
  if (scope) parts.push(`scope="${scope}"`);
  return `Bearer ${parts.join(", ")}`;
}

/** An RFC 6750 §3.1 error: invalid_request 400, invalid_token 401, insufficient_scope 403, with the challenge. */
export function bearerError(
  code: "invalid_request" | "invalid_token" | "insufficient_scope",
  description: string,
  scope?: string,
  extra: Record<string, string> = {},
): OAuthError {
  return new OAuthError(code, description, { "www-authenticate": bearerChallenge(code, description, scope, extra) });
}

/**
 * RFC 6750 §3.1: no bearer token at all: 401 with the bare challenge and no error code. The OAuth
 * transport answers it with an empty body; the console API with its own `unauthorized` body.
 */
export function bearerRequired(description: string, extra: Record<string, string> = {}): OAuthError {
  const headers = { "www-authenticate": bearerChallenge(undefined, undefined, undefined, extra) };
  return new OAuthError("invalid_token", description, headers, 401, true);
}

export const invalidRequest = (d: string) => new OAuthError("invalid_request", d);
/**
 * A body over the limit: 413 (RFC 9110 §15.5.14) with the invalid_request body. RFC 6749 §5.2 names
 * 400 for invalid_request but does not forbid a more precise HTTP status for a body it never read.
 */
export const bodyTooLarge = () => new OAuthError("invalid_request", "The request body is too large.", {}, 413);
export const invalidGrant = (d: string) => new OAuthError("invalid_grant", d);
export const invalidScope = (d: string) => new OAuthError("invalid_scope", d);

/** RFC 6749 §5.2: 401, and the Basic challenge when the client tried Basic. */
export function invalidClient(description: string, triedBasic: boolean): OAuthError {
  return new OAuthError(
    "invalid_client",
    description,
    triedBasic ? { "www-authenticate": 'Basic realm="oauth2"' } : {},
  );
}
