import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { getEnv } from "@/lib/env";
import { tokenFromBearer } from "@/lib/oauth/bearer";
import { toResponse } from "@/lib/oauth/error-response";
import { mcpResource } from "@/lib/oauth/resources";
import type { TokenInfo } from "@/lib/oauth/token-validation";
import { registerReadTools } from "./read-tools";
import type { ToolCaller } from "./tool-context";
import { registerWriteTools } from "./write-tools";

/** RFC 9728 §3.1: the metadata of the resource at /mcp, inserted after /.well-known/oauth-protected-resource. */
export function mcpResourceMetadataUrl(issuer = getEnv().issuer): string {
  return `${issuer}/.well-known/oauth-protected-resource/mcp`;
}

/**
 * The OpenAPI MCP Server at /mcp (MCP Streamable HTTP transport, 2025-11-25). Every request
 * carries a bearer access token issued for this resource with /acs/mcp-server (MCP authorization
 * §"Token Handling"; RFC 9728 §5.1: 401 names the resource metadata, 403 insufficient_scope the
 * scope for step-up), checked at every request: Delete Application, Delete Assignment or a
 * disabled person answer 401 at the next one. Stateless: each request gets its own server and
 * transport, so any process of the console serves any request and nothing outlives the token.
 */
export async function mcpEndpoint(request: Request): Promise<Response> {
  const resource = mcpResource();
  let info: TokenInfo;
  try {
    info = await tokenFromBearer(request.headers.get("authorization"), resource, {
      resource_metadata: mcpResourceMetadataUrl(),
    });
  } catch (error) {
    return toResponse(error, "oauth");
  }
  // Stateless Streamable HTTP has no server-to-client stream to open, nor a session to delete.
  if (request.method !== "POST")
    return new Response(null, { status: 405, headers: { allow: "POST", "cache-control": "no-store" } });
  const caller: ToolCaller = {
    // Every change a tool makes is audited as the person, via the OpenAPI MCP Server application.
    actor: { ...info.principal, via: info.clientId },
    client: info.mcpClient
      ? { clientId: info.mcpClient.id, name: info.mcpClient.name }
      : { clientId: info.clientId, name: resource.name },
  };
  const server = new McpServer({ name: "ram-console-openapi-mcp-server", version: "1.0.0" });
  registerReadTools(server, caller);
  registerWriteTools(server, caller);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: 256 * 1024,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request, {
      authInfo: {
        token: "",
        clientId: caller.client.clientId,
        scopes: info.scope.split(" "),
        expiresAt: Math.floor(info.expiresAt.getTime() / 1000),
        resource: new URL(info.audience),
      },
    });
  } finally {
    await server.close();
  }
}
