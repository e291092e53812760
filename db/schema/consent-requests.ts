import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The validated authorization request a consent screen answers, as consent_requests.params keeps it. */
export type StoredAuthorizationRequest = {
  clientId: string;
  redirectUri: string;
  scope: string;
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  /** RFC 8707 resource indicator */
  resource?: string;
  /** the MCP host behind client_id (mcp_clients.id) */
  mcpClientId?: string;
  /** OIDC Core §3.1.2.1 ui_locales, as the application sent it: the consent pages' language */
  uiLocales?: string;
};

/**
 * An authorization request waiting on the consent screen. Kept on the server, so the form carries
 * only its id; `usedAt` makes a consent page submittable once.
 */
export const consentRequests = pgTable(
  "consent_requests",
  {
    id: text("id").primaryKey(),
    /** The console session the request belongs to (its CSRF binding). */
    sessionId: text("session_id").notNull(),
    applicationId: uuid("app_id").notNull(),
    /** The validated authorization request: client_id, redirect_uri, scope, state, nonce, code_challenge… */
    params: jsonb("params").$type<StoredAuthorizationRequest>().notNull(),
    kind: text("kind", { enum: ["install", "personal"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("consent_requests_expires").on(t.expiresAt)],
);
