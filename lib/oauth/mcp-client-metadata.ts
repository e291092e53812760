import { z } from "zod";
import type { McpClientRegistration } from "@/lib/apps/register-mcp-client";
import { OAuthError } from "./oauth-error";
import { LOOPBACK_HOSTS } from "@/lib/apps/registration-uri-rules";

/** MCP hosts get https redirect URIs, or http on a loopback host (RFC 8252 §7.3); no fragment (RFC 6749 §3.1.2). */
function redirectProblem(uri: string): string | null {
  if (uri.length > 2000 || !URL.canParse(uri)) return `${uri.slice(0, 80)} is not an absolute URL`;
  const url = new URL(uri);
  if (uri.includes("#")) return `${uri} must not contain a fragment`;
  if (url.username || url.password) return `${uri} must not contain credentials`;
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return `${uri} must use https, or http on 127.0.0.1, [::1] or localhost`;
}

/**
 * The client metadata an MCP host may register (RFC 7591 §2), the same for a dynamic registration
 * and a Client ID Metadata Document: a public client (token_endpoint_auth_method none), the
 * authorization code grant with refresh, and an explicit application_type (OIDC Registration §2).
 */
export const mcpClientMetadataSchema = z.object({
  redirect_uris: z.array(z.string()).min(1, "redirect_uris is required").max(10),
  application_type: z.enum(["native", "web"], { message: "application_type must be native or web" }),
  client_name: z.string().trim().min(1).max(128).optional(),
  client_uri: z.string().url().max(2000).optional(),
  token_endpoint_auth_method: z
    .literal("none", { message: "Only public clients (token_endpoint_auth_method none, with PKCE) may register" })
    .optional(),
  grant_types: z
    .array(z.enum(["authorization_code", "refresh_token"], { message: "Only authorization_code and refresh_token" }))
    .optional(),
  response_types: z.array(z.literal("code", { message: "Only response_type code" })).optional(),
  scope: z.string().max(1000).optional(),
});

/** Validates client metadata; RFC 7591 §3.2.2: invalid_redirect_uri or invalid_client_metadata. */
export function parseMcpClientMetadata(input: unknown): McpClientRegistration {
  const parsed = mcpClientMetadataSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    throw new OAuthError("invalid_client_metadata", message);
  }
  const m = parsed.data;
  for (const uri of m.redirect_uris) {
    const problem = redirectProblem(uri);
    if (problem) throw new OAuthError("invalid_redirect_uri", problem);
  }
  if (m.client_uri && !m.client_uri.startsWith("https://"))
    throw new OAuthError("invalid_client_metadata", "client_uri must use https");
  return {
    name: m.client_name ?? "Unnamed MCP client",
    clientUri: m.client_uri ?? "",
    redirectUris: [...new Set(m.redirect_uris)],
    applicationType: m.application_type,
  };
}
