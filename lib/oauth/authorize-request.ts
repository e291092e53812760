import { getClient, type ClientRecord } from "@/lib/apps/clients";
import { refreshMetadataDocument } from "./client-metadata-document";
import { isRegisteredRedirectUri } from "./match-redirect-uri";
import { OAuthError } from "./oauth-error";
import { pageMessage, type PageMessage } from "./page-text";
import { checkResource } from "./resources";

/**
 * Our own parameter, set only on the way back from a re-authentication (see check-authentication-age.ts):
 * the console session must have signed in at or after this instant (milliseconds since the epoch).
 */
export const LOGIN_AFTER = "login_after";

/** The parameters this endpoint understands (OIDC Core §3.1.2.1, RFC 7636, RFC 6749 §4.1.1). */
const ALLOWED = new Set([
  "response_type",
  "client_id",
  "redirect_uri",
  "scope",
  "state",
  "nonce",
  "code_challenge",
  "code_challenge_method",
  "prompt",
  "response_mode",
  "max_age",
  "login_hint",
  "ui_locales",
  "display",
  "acr_values",
  "claims_locales",
  "resource",
  LOGIN_AFTER,
]);
const MAX_LEN = 2048;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

export type AuthorizationRequest = {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state?: string;
  nonce?: string;
  codeChallenge: string;
  prompt: Set<string>;
  /** OIDC Core §3.1.2.1: the allowable elapsed time in seconds since the person last signed in */
  maxAge?: number;
  /** the console session must have signed in at or after this instant (ms since the epoch) */
  loginAfter?: number;
  /** RFC 8707: the resource the tokens are for (absent: the console API) */
  resource?: string;
  /** the MCP host behind client_id, when it is one (lib/apps/mcp-clients.ts) */
  mcpClientId?: string;
  /** OIDC Core §3.1.2.1: the languages the application asks the pages to speak, in order of preference */
  uiLocales?: string;
};

export type ParseResult =
  /** No trustworthy redirect URI: show an error page, never redirect (RFC 6749 §4.1.2.1), in the person's language. */
  | { kind: "page"; error: string; description: PageMessage }
  | { kind: "redirect"; client: ClientRecord; redirectUri: string; state?: string; error: string; description: string }
  | { kind: "ok"; client: ClientRecord; request: AuthorizationRequest };

export async function parseAuthorizationRequest(params: URLSearchParams): Promise<ParseResult> {
  const single = (name: string) => {
    const all = params.getAll(name);
    return all.length === 1 ? all[0] : undefined;
  };
  const clientId = single("client_id");
  const redirectUri = single("redirect_uri");
  if (params.getAll("client_id").length > 1 || params.getAll("redirect_uri").length > 1) {
    return { kind: "page", error: "invalid_request", description: pageMessage("clientIdOnce") };
  }
  if (!clientId) return { kind: "page", error: "invalid_request", description: pageMessage("noClientId") };
  // A URL client_id names its Client ID Metadata Document: fetched (or taken from the cache) first.
  const documentProblem = await refreshMetadataDocument(clientId);
  if (documentProblem)
    return {
      kind: "page",
      error: "invalid_client",
      description: pageMessage("metadataDocument", { detail: documentProblem }),
    };
  const client = await getClient(clientId);
  if (!client) return { kind: "page", error: "invalid_client", description: pageMessage("unknownClient") };
  if (!redirectUri) return { kind: "page", error: "invalid_request", description: pageMessage("noRedirectUri") };
  if (!isRegisteredRedirectUri(client, redirectUri))
    return { kind: "page", error: "invalid_request", description: pageMessage("unregisteredRedirectUri") };

  // From here on the redirect URI is trusted: errors go back to the application.
  const stateValues = params.getAll("state");
  const state =
    stateValues.length === 1 && stateValues[0]!.length <= MAX_LEN && !CONTROL.test(stateValues[0]!)
      ? stateValues[0]
      : undefined;
  const fail = (error: string, description: string): ParseResult => ({
    kind: "redirect",
    client,
    redirectUri,
    state,
    error,
    description,
  });

  for (const key of new Set(params.keys())) {
    // RFC 8707 §2: resource may repeat; checkResource answers invalid_target for more than one.
    if (params.getAll(key).length > 1 && key !== "resource")
      return fail("invalid_request", `The parameter ${key} appears more than once.`);
    if (!ALLOWED.has(key)) continue; // RFC 6749 §3.1: unknown parameters are ignored.
    if (params.get(key)!.length > MAX_LEN) return fail("invalid_request", `The parameter ${key} is too long.`);
    // RFC 6749 Appendix A: parameter values are printable; control characters are malformed.
    if (CONTROL.test(params.get(key)!))
      return fail("invalid_request", `The parameter ${key} contains control characters.`);
  }
  if (stateValues.length === 1 && state === undefined)
    return fail("invalid_request", "The state parameter is too long or malformed.");
  // OIDC Core §6.1 / §6.2: request objects are not supported, and saying so beats ignoring them.
  if (params.get("request"))
    return fail("request_not_supported", "The request parameter (request objects) is not supported.");
  if (params.get("request_uri"))
    return fail("request_uri_not_supported", "The request_uri parameter is not supported.");

  const responseType = params.get("response_type");
  if (!responseType) return fail("invalid_request", "The request has no response_type.");
  if (responseType !== "code") return fail("unsupported_response_type", "Only response_type=code is supported.");
  const responseMode = params.get("response_mode");
  if (responseMode !== null && responseMode !== "query")
    return fail("invalid_request", "Only response_mode=query is supported.");

  const requested = (params.get("scope") ?? "").split(" ").filter(Boolean);
  const declared = new Set(client.scopes.map((s) => s.scope));
  const unknown = requested.filter((s) => !declared.has(s));
  if (unknown.length) return fail("invalid_scope", `The application did not declare: ${unknown.join(" ")}.`);
  // RFC 6749 §3.3: no scope asks for the application's required scope.
  const scopes = requested.length
    ? [...new Set(requested)]
    : client.scopes.filter((s) => s.required).map((s) => s.scope);

  // OAuth 2.1 §4.1.1: PKCE for every client, confidential ones included (RFC 9700 §2.1.1).
  const challenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (challenge === null) return fail("invalid_request", "code_challenge required: use PKCE with S256 (RFC 7636).");
  // RFC 7636 §4.3: the default method is "plain"; RFC 9700 §2.1.1 allows only S256 here.
  if (method !== "S256") return fail("invalid_request", "code_challenge_method must be S256.");
  if (!CHALLENGE.test(challenge)) return fail("invalid_request", "code_challenge must be 43 base64url characters.");

  const prompt = new Set((params.get("prompt") ?? "").split(" ").filter(Boolean));
  for (const p of prompt)
    if (!["none", "login", "consent", "select_account"].includes(p))
      return fail("invalid_request", `Unknown prompt value ${p}.`);
  if (prompt.has("none") && prompt.size > 1)
    return fail("invalid_request", "prompt=none cannot be combined with other values.");

  // RFC 6749 §3.1: a parameter without a value is treated as omitted.
  const maxAgeText = params.get("max_age") || null;
  if (maxAgeText !== null && !/^\d+$/.test(maxAgeText))
    return fail("invalid_request", "max_age must be a non-negative integer (seconds).");
  const loginAfterText = params.get(LOGIN_AFTER) || null;
  if (loginAfterText !== null && !/^\d{1,15}$/.test(loginAfterText))
    return fail("invalid_request", `${LOGIN_AFTER} must be a time in milliseconds.`);

  let resource: string | undefined;
  try {
    resource = checkResource(params.getAll("resource"), client);
  } catch (error) {
    if (error instanceof OAuthError) return fail(error.code, error.description);
    throw error;
  }

  return {
    kind: "ok",
    client,
    request: {
      clientId,
      redirectUri,
      scopes,
      state,
      nonce: params.get("nonce") ?? undefined,
      codeChallenge: challenge,
      prompt,
      maxAge: maxAgeText === null ? undefined : Number(maxAgeText),
      loginAfter: loginAfterText === null ? undefined : Number(loginAfterText),
      resource,
      mcpClientId: client.mcpClient?.id,
      uiLocales: params.get("ui_locales") || undefined,
    },
  };
}
