import type { Principal } from "@/lib/ram/principal";
import { parseBearer } from "./bearer-header";
import { bearerError, bearerRequired } from "./oauth-error";
import { consoleApiResource, type ProtectedResource } from "./resources";
import { hasScope } from "./scope";
import { validateAccessToken, type TokenInfo } from "./token-validation";

/**
 * Resolves `Authorization: Bearer <access token>` for a protected resource: the token must be live,
 * issued for this resource (RFC 8707 audience; RFC 9068 §4 / MCP authorization: a server accepts
 * only tokens issued for itself) and carry its scope (RFC 6750 §3.1: invalid_token 401,
 * insufficient_scope 403, each with its challenge; `challenge` adds parameters such as RFC 9728's
 * resource_metadata). The caller then acts as that person: services check the person's RAM policies.
 */
export async function tokenFromBearer(
  authorization: string | null,
  resource: ProtectedResource,
  challenge: Record<string, string> = {},
): Promise<TokenInfo> {
  const token = authorization === null ? undefined : parseBearer(authorization);
  if (token === undefined) throw bearerRequired("Use a Bearer access token or sign in to the console.", challenge);
  const info = token === null ? null : await validateAccessToken(token);
  if (!info)
    throw bearerError("invalid_token", "The access token is invalid, expired or revoked.", undefined, challenge);
  if (info.audience !== resource.uri)
    throw bearerError("invalid_token", `The access token was not issued for ${resource.uri}.`, undefined, challenge);
  if (!hasScope(info.scope, resource.scope)) {
    const description = `The access token lacks the ${resource.scope} scope.`;
    throw bearerError("insufficient_scope", description, resource.scope, challenge);
  }
  return info;
}

/** The console API's bearer path: a token for the console API with `/acs/ram`; the person acts via the token's application. */
export async function principalFromBearer(authorization: string): Promise<Principal> {
  const info = await tokenFromBearer(authorization, consoleApiResource());
  return { ...info.principal, via: info.clientId };
}
