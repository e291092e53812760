import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/ram/principal";
import { bearerChallenge, parseBearer } from "./bearer-header";
import { hasScope } from "./scope";
import { validateAccessToken } from "./token-validation";

/**
 * Resolves `Authorization: Bearer <access token>` to the person it was issued to, requiring
 * `requiredScope` (RFC 6750 §3.1: invalid_token 401, insufficient_scope 403, each with its
 * challenge). The caller then acts as that person: services check that person's own RAM policies.
 */
export async function principalFromBearer(authorization: string, requiredScope: string): Promise<Principal> {
  const token = parseBearer(authorization);
  if (token === undefined) {
    throw new AppError("unauthorized", "Use a Bearer access token or sign in to the console.", undefined, { "www-authenticate": bearerChallenge() });
  }
  const info = token === null ? null : await validateAccessToken(token);
  if (!info) {
    const description = "The access token is invalid, expired or revoked.";
    throw new AppError("invalid_token", description, undefined, { "www-authenticate": bearerChallenge("invalid_token", description) });
  }
  if (!hasScope(info.scope, requiredScope)) {
    const description = `The access token lacks the ${requiredScope} scope.`;
    throw new AppError("insufficient_scope", description, undefined, {
      "www-authenticate": bearerChallenge("insufficient_scope", description, requiredScope),
    });
  }
  return info.principal;
}
