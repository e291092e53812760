import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { mcpClients, type McpClientKind } from "@/db/schema";
import type { ClientRecord } from "./clients";

/** What the authorization server knows of an MCP host: its own name is self-asserted, never verified. */
export type McpClientRef = {
  id: string;
  kind: McpClientKind;
  name: string;
  clientUri: string;
  /** Metadata documents: when the cached copy is stale (lib/oauth/client-metadata-document.ts). */
  refreshAfter: Date | null;
};

const columns = {
  id: mcpClients.id,
  clientId: mcpClients.clientId,
  kind: mcpClients.kind,
  name: mcpClients.name,
  clientUri: mcpClients.clientUri,
  redirectUris: mcpClients.redirectUris,
  refreshAfter: mcpClients.refreshAfter,
};

export type McpClientRow = { [K in keyof typeof columns]: (typeof mcpClients.$inferSelect)[K] };

export async function getMcpClientRow(db: Db | Tx, clientId: string): Promise<McpClientRow | null> {
  const [row] = await db.select(columns).from(mcpClients).where(eq(mcpClients.clientId, clientId));
  return row ?? null;
}

/**
 * MCP hosts are not third-party applications of their own (the issue: "they act only through the
 * OpenAPI MCP Server official application"): the client record is that application's — its id,
 * provider, scopes, installation and assignment rules, OAuth 2.1 — with the host's client_id and
 * redirect URIs, and the host named for the consent screen and the audit.
 */
export function overlayMcpClient(app: ClientRecord, host: McpClientRow): ClientRecord {
  return {
    ...app,
    clientId: host.clientId,
    type: "NativeApp",
    oauthVersion: "2.1",
    redirectUris: host.redirectUris,
    mcpClient: {
      id: host.id,
      kind: host.kind,
      name: host.name,
      clientUri: host.clientUri,
      refreshAfter: host.refreshAfter,
    },
  };
}
