import { BodyTooLargeError } from "@/lib/http/body-limit";
import { json, NO_STORE } from "@/lib/http/json";
import { parseBearer } from "./bearer-header";
import { userinfoClaims } from "./claims";
import { readForm } from "./form-body";
import { oauthEndpoint } from "./http";
import { bearerError, bearerRequired, OAuthError } from "./oauth-error";
import { hasScope } from "./scope";
import { validateAccessTokenWithPolicies } from "./token-validation";

/**
 * GET/POST /oauth2/userinfo (OIDC Core §5.3). The access token comes in the Authorization header
 * (RFC 6750 §2.1) or a form body (§2.2), never both; errors carry the Bearer challenge (§3).
 */
export const userinfoEndpoint = oauthEndpoint(async (request) => {
  const token = await bearerTokenOf(request);
  // §3.1: a request without authentication gets the bare challenge, no error code.
  if (token === undefined) throw bearerRequired("Send an access token.");
  // One statement: the token check and the person's policies.
  const info = await validateAccessTokenWithPolicies(token);
  if (!info) throw bearerError("invalid_token", "The access token is invalid, expired or revoked.");
  if (!hasScope(info.scope, "openid"))
    throw bearerError("insufficient_scope", "The access token lacks the openid scope.", "openid");
  return json(userinfoClaims(info.principal, info.scope, info.policies), 200, NO_STORE);
});

/** The bearer token of a protected resource request; undefined when none was sent. */
export async function bearerTokenOf(request: Request): Promise<string | undefined> {
  const header = request.headers.get("authorization");
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  let bodyToken: string | undefined;
  if (request.method === "POST" && type === "application/x-www-form-urlencoded") {
    try {
      bodyToken = (await readForm(request, ["access_token"])).get("access_token");
    } catch (error) {
      if (error instanceof OAuthError) throw bearerError("invalid_request", error.description);
      if (error instanceof BodyTooLargeError) throw bearerError("invalid_request", error.message);
      throw error;
    }
  }
  if (header === null) return bodyToken;
  const fromHeader = parseBearer(header);
  if (fromHeader === undefined && bodyToken === undefined) return undefined;
  if (fromHeader !== undefined && bodyToken !== undefined)
    throw bearerError("invalid_request", "Send the access token in one place only.");
  if (fromHeader === null) throw bearerError("invalid_request", "The Authorization header is malformed.");
  return fromHeader ?? bodyToken;
}
