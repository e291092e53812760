import { mcpEndpoint } from "@/lib/mcp/mcp-endpoint";

export const { GET, POST, DELETE } = { GET: mcpEndpoint, POST: mcpEndpoint, DELETE: mcpEndpoint };
