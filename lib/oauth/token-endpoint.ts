import { authenticateClient, CLIENT_AUTH_PARAMS } from "./client-auth";
import { readForm } from "./form-body";
import { exchangeAuthorizationCode } from "./grant-authorization-code";
import { exchangeRefreshToken } from "./grant-refresh-token";
import { oauthEndpoint } from "./http";
import { invalidRequest, OAuthError } from "./oauth-error";
import { tokenResponse } from "./token-issue";

/** The token request parameters this server reads (RFC 6749 §4.1.3, §6, RFC 7636 §4.5); others are ignored. */
const TOKEN_PARAMS = [
  "grant_type",
  "code",
  "redirect_uri",
  "code_verifier",
  "refresh_token",
  "scope",
  "resource",
  ...CLIENT_AUTH_PARAMS,
];

/** POST /oauth2/token: authorization_code and refresh_token, every answer `Cache-Control: no-store`. */
export const tokenEndpoint = oauthEndpoint(async (request) => {
  const params = await readForm(request, TOKEN_PARAMS);
  const grantType = params.get("grant_type");
  if (!grantType) throw invalidRequest("grant_type is required.");
  if (grantType !== "authorization_code" && grantType !== "refresh_token") {
    throw new OAuthError("unsupported_grant_type", `grant_type ${grantType} is not supported.`);
  }
  const client = await authenticateClient(request, params, true);
  const issued =
    grantType === "authorization_code"
      ? await exchangeAuthorizationCode(client, params)
      : await exchangeRefreshToken(client, params);
  return tokenResponse(issued);
});
