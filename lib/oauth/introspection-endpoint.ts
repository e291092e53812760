import { getEnv } from "@/lib/env";
import { json, NO_STORE } from "@/lib/http/json";
import { authenticateClient, CLIENT_AUTH_PARAMS } from "./client-auth";
import { readForm } from "./form-body";
import { oauthEndpoint } from "./http";
import { invalidRequest } from "./oauth-error";
import { validateAccessToken, validateRefreshToken, type TokenInfo } from "./token-validation";

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * POST /oauth2/introspect (RFC 7662). Client-authenticated; a client learns only about its own
 * tokens: anything else, like an unknown or dead token, is {active:false} (§2.2).
 */
export const introspectionEndpoint = oauthEndpoint(async (request) => {
  const params = await readForm(request, ["token", "token_type_hint", ...CLIENT_AUTH_PARAMS]);
  const { client } = await authenticateClient(request, params, false);
  const token = params.get("token");
  if (!token) throw invalidRequest("token is required.");
  const refreshFirst = params.get("token_type_hint") === "refresh_token";
  const lookups = refreshFirst ? [findRefresh, findAccess] : [findAccess, findRefresh];
  for (const find of lookups) {
    const found = await find(token);
    if (!found) continue;
    if (found.info.applicationId !== client.id) break;
    return json(activeResponse(found.info, found.kind), 200, NO_STORE);
  }
  return json({ active: false }, 200, NO_STORE);
});

async function findAccess(token: string) {
  const info = await validateAccessToken(token);
  return info ? { info, kind: "access" as const } : null;
}

async function findRefresh(token: string) {
  const info = await validateRefreshToken(token);
  return info ? { info, kind: "refresh" as const } : null;
}

function activeResponse(info: TokenInfo, kind: "access" | "refresh") {
  return {
    active: true,
    scope: info.scope,
    client_id: info.clientId,
    sub: info.principal.subject,
    exp: seconds(info.expiresAt),
    iat: seconds(info.issuedAt),
    ...(kind === "access" ? { token_type: "Bearer" } : {}),
    iss: getEnv().issuer,
    // RFC 7662 §2.2 / RFC 8707: the token's audience is the resource it was issued for.
    aud: info.audience,
  };
}
