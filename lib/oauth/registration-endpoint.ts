import { registerMcpClient } from "@/lib/apps/register-mcp-client";
import { readBodyText } from "@/lib/http/body-limit";
import { json, NO_STORE } from "@/lib/http/json";
import { oauthEndpoint } from "./http";
import { parseMcpClientMetadata } from "./mcp-client-metadata";
import { OAuthError, invalidRequest } from "./oauth-error";
import { chargeRegistration } from "./registration-throttle";

const MAX_BODY = 16 * 1024;

/**
 * POST /oauth2/register: RFC 7591 dynamic client registration for MCP hosts (MCP authorization
 * §"Dynamic Client Registration"). Open (no initial access token, §3), so it is rate-limited per
 * address; only public clients with PKCE, loopback or https redirect URIs. The client it creates is
 * no third-party application: it can act only through OpenAPI MCP Server (lib/apps/mcp-clients.ts).
 */
export const registrationEndpoint = oauthEndpoint(async (request) => {
  if (request.method !== "POST") throw invalidRequest("Use POST.");
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json")
    throw invalidRequest("Send the client metadata as application/json (RFC 7591 §3.1).");
  const text = await readBodyText(request, MAX_BODY);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OAuthError("invalid_client_metadata", "The body is not JSON.");
  }
  const metadata = parseMcpClientMetadata(body);
  await chargeRegistration(request);
  const row = await registerMcpClient({ kind: "dynamic", ...metadata });
  // RFC 7591 §3.2.1: the registered metadata, with what the server chose.
  return json(
    {
      client_id: row.clientId,
      client_id_issued_at: Math.floor(row.createdAt.getTime() / 1000),
      client_name: metadata.name,
      ...(metadata.clientUri ? { client_uri: metadata.clientUri } : {}),
      redirect_uris: metadata.redirectUris,
      application_type: metadata.applicationType,
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      scope: "openid /acs/mcp-server",
    },
    201,
    NO_STORE,
  );
});
