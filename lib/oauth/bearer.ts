import type { Principal } from "@/lib/ram/principal";
import { parseBearer } from "./bearer-header";
import { bearerError, bearerRequired } from "./oauth-error";
import { hasScope } from "./scope";
import { validateAccessToken } from "./token-validation";

/**
 * Resolves `Authorization: Bearer <access token>` to the person it was issued to, requiring
 * `requiredScope` (RFC 6750 §3.1: invalid_token 401, insufficient_scope 403, each with its
 * challenge). The caller then acts as that person: services check that person's own RAM policies.
 */
export async function principalFromBearer(authorization: string, requiredScope: string): Promise<Principal> {
  const token = parseBearer(authorization);
  if (token === undefined) throw bearerRequired("Use a Bearer access token or sign in to the console.");
  const info = token === null ? null : await validateAccessToken(token);
  if (!info) throw bearerError("invalid_token", "The access token is invalid, expired or revoked.");
  if (!hasScope(info.scope, requiredScope)) {
    throw bearerError("insufficient_scope", `The access token lacks the ${requiredScope} scope.`, requiredScope);
  }
  return info.principal;
}
