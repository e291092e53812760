import { oauthEndpoint, publicJson } from "./http";
import { getPublicJwks } from "./keys";

/** GET /oauth2/jwks (RFC 7517 §5): active keys and retired keys still within their publication time. */
export const jwksEndpoint = oauthEndpoint(async () => publicJson(await getPublicJwks(), 60));
