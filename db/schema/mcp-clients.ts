import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const mcpClientKinds = ["dynamic", "metadata-document"] as const;
export type McpClientKind = (typeof mcpClientKinds)[number];

/**
 * MCP hosts (Cursor, Claude, …) known to the authorization server: registered by RFC 7591 dynamic
 * registration, or described by a Client ID Metadata Document (its https URL is the client_id).
 * They are not applications of their own: every code and token they get is of the OpenAPI MCP
 * Server official application (lib/apps/mcp-clients.ts), under its installation and assignments.
 */
export const mcpClients = pgTable(
  "mcp_clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The OAuth client_id: random for dynamic registration, the document's URL otherwise. */
    clientId: text("client_id").notNull().unique(),
    kind: text("kind", { enum: mcpClientKinds }).notNull(),
    /** Self-asserted (client_name): shown on the consent screen as unverified. */
    name: text("name").notNull(),
    clientUri: text("client_uri").notNull().default(""),
    redirectUris: jsonb("redirect_uris").$type<string[]>().notNull(),
    applicationType: text("application_type", { enum: ["native", "web"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Metadata documents: when the cached copy must be fetched again (HTTP caching headers). */
    refreshAfter: timestamp("refresh_after", { withTimezone: true }),
  },
  (t) => [index("mcp_clients_created").on(t.createdAt)],
);
