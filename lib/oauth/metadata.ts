import { scopeCatalog } from "@/lib/apps/scope-catalog";
import { getEnv } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/locales";
import { CLAIMS_SUPPORTED } from "./claims";
import { oauthEndpoint, publicJson } from "./http";

/** The endpoint URLs, all under the one issuer string. */
export function oauthEndpoints(issuer = getEnv().issuer) {
  return {
    authorization_endpoint: `${issuer}/oauth2/authorize`,
    token_endpoint: `${issuer}/oauth2/token`,
    userinfo_endpoint: `${issuer}/oauth2/userinfo`,
    revocation_endpoint: `${issuer}/oauth2/revoke`,
    introspection_endpoint: `${issuer}/oauth2/introspect`,
    jwks_uri: `${issuer}/oauth2/jwks`,
    registration_endpoint: `${issuer}/oauth2/register`,
  };
}

/** RFC 8414 / OIDC Discovery 1.0 §3: one document, served at both well-known paths. */
export function buildMetadata() {
  const issuer = getEnv().issuer;
  const confidential = ["client_secret_basic", "client_secret_post"];
  return {
    issuer,
    ...oauthEndpoints(issuer),
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: [...confidential, "none"],
    revocation_endpoint_auth_methods_supported: confidential,
    introspection_endpoint_auth_methods_supported: confidential,
    id_token_signing_alg_values_supported: ["RS256"],
    subject_types_supported: ["public"],
    scopes_supported: scopeCatalog.map((s) => s.scope),
    claims_supported: CLAIMS_SUPPORTED,
    claims_parameter_supported: false,
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    authorization_response_iss_parameter_supported: true,
    // OAuth Client ID Metadata Document draft §5: an https URL may be the client_id (MCP hosts).
    client_id_metadata_document_supported: true,
    // Only what the authorization endpoint really does: none answers without a page, login makes the
    // person sign in again (so does max_age; auth_time is in every ID token). consent and
    // select_account are accepted but change nothing, so they are not listed.
    prompt_values_supported: ["none", "login"],
    // OIDC Discovery §3: the languages of the sign-in and consent pages (ui_locales, OIDC Core §3.1.2.1).
    ui_locales_supported: [...LOCALES],
  };
}

/** GET /.well-known/openid-configuration and /.well-known/oauth-authorization-server. */
export const metadataEndpoint = oauthEndpoint(async () => publicJson(buildMetadata(), 300));
