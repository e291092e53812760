import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { mcpClients, type McpClientKind } from "@/db/schema";
import { recordSystemAudit } from "@/lib/audit";
import { randomToken } from "@/lib/crypto/tokens";

export type McpClientRegistration = {
  name: string;
  clientUri: string;
  redirectUris: string[];
  applicationType: "native" | "web";
};

/**
 * Records an MCP host: a new random client_id for dynamic registration (RFC 7591 §3.2.1), or the
 * document's URL for a Client ID Metadata Document, whose cached copy is replaced when fetched
 * again. Validation is the transport's (lib/oauth/registration-*.ts); the host gets no rights here:
 * it can only ask people, through the OpenAPI MCP Server official application.
 */
export async function registerMcpClient(
  opts: McpClientRegistration & { kind: McpClientKind; clientId?: string; refreshAfter?: Date },
): Promise<{ id: string; clientId: string; createdAt: Date }> {
  const clientId = opts.clientId ?? `mcp-${randomToken(18)}`;
  const values = {
    clientId,
    kind: opts.kind,
    name: opts.name,
    clientUri: opts.clientUri,
    redirectUris: opts.redirectUris,
    applicationType: opts.applicationType,
    refreshAfter: opts.refreshAfter ?? null,
  };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mcpClients)
      .values(values)
      .onConflictDoUpdate({
        target: mcpClients.clientId,
        set: { ...values, clientId: sql`excluded.client_id` },
        setWhere: sql`${mcpClients.kind} = 'metadata-document'`,
      })
      .returning({ id: mcpClients.id, clientId: mcpClients.clientId, createdAt: mcpClients.createdAt });
    if (!row) throw new Error("client_id already taken");
    await recordSystemAudit(tx, opts.kind === "dynamic" ? "dynamic-registration" : "client-metadata-document", {
      action: opts.kind === "dynamic" ? "RegisterMcpClient" : "FetchMcpClientMetadata",
      targetType: "mcp-client",
      targetId: row.clientId,
      detail: { name: opts.name, redirectUris: opts.redirectUris },
    });
    return row;
  });
}
