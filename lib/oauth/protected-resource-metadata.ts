import { getEnv } from "@/lib/env";
import { oauthEndpoint, publicJson } from "./http";
import { consoleApiResource, mcpResource, type ProtectedResource } from "./resources";

/** RFC 9728 §2: the protected resource metadata of one resource this console serves. */
export function resourceMetadata(resource: ProtectedResource) {
  const issuer = getEnv().issuer;
  return {
    resource: resource.uri,
    authorization_servers: [issuer],
    scopes_supported: resource.scopesSupported,
    bearer_methods_supported: ["header"],
    resource_name: resource.name,
    resource_documentation: `${issuer}/`,
  };
}

/**
 * GET /.well-known/oauth-protected-resource/mcp (RFC 9728 §3.1: the well-known suffix inserted before
 * the resource's path) and the root form /.well-known/oauth-protected-resource, which MCP hosts try
 * next (MCP authorization §"Protected Resource Metadata Discovery"): both describe /mcp.
 */
export const mcpResourceMetadataEndpoint = oauthEndpoint(async () => publicJson(resourceMetadata(mcpResource()), 300));

/** GET /.well-known/oauth-protected-resource/api/v1: the console API as a protected resource. */
export const apiResourceMetadataEndpoint = oauthEndpoint(async () =>
  publicJson(resourceMetadata(consoleApiResource()), 300),
);
