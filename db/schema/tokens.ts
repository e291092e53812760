import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, uuidId } from "./columns";

/**
 * The person a code or token was issued to. `userId` null = the account owner; `roleId` set = a role session.
 * Codes, grants and tokens carry `installationId` without a foreign key on purpose: revoking an
 * installation deletes one row, and every token checks that its installation still exists.
 */
const personColumns = {
  accountId: uuid("account_id").notNull(),
  applicationId: uuid("app_id").notNull(),
  installationId: uuid("installation_id").notNull(),
  userId: uuid("user_id"),
  roleId: uuid("role_id"),
  subject: uuid("subject").notNull(),
  scope: text("scope").notNull(),
  authTime: at("auth_time").notNull(),
  /** RFC 8707: the resource (audience) the tokens are for; null = the console API. */
  resource: text("resource"),
  /** The MCP host (registered dynamically or by metadata document) acting through the official MCP app. */
  mcpClientId: uuid("mcp_client_id"),
};

export const authCodes = pgTable(
  "auth_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    ...personColumns,
    redirectUri: text("redirect_uri").notNull(),
    codeChallenge: text("code_challenge"),
    nonce: text("nonce"),
    expiresAt: at("expires_at").notNull(),
    consumedAt: at("consumed_at"),
    /** The grant the first exchange created: revoked if the code is replayed (RFC 6749 §4.1.2). */
    grantId: uuid("grant_id"),
  },
  (t) => [index("auth_codes_expires").on(t.expiresAt)],
);

/** A token family: one per code exchange; refresh rotation stays inside it. */
export const grants = pgTable(
  "grants",
  {
    id: uuidId(),
    ...personColumns,
    createdAt: createdAt(),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    index("grants_installation_user").on(t.installationId, t.userId),
    index("grants_user").on(t.userId),
    /** A person's own applications (My authorized applications): their grants, by installation. */
    index("grants_subject_installation").on(t.subject, t.installationId),
  ],
);

/** Access and refresh tokens: stored as the hash, in a token family (grant) under an installation. */
const tokenColumns = () => ({
  tokenHash: text("token_hash").primaryKey(),
  grantId: uuid("grant_id").notNull(),
  installationId: uuid("installation_id").notNull(),
  expiresAt: at("expires_at").notNull(),
});

export const accessTokens = pgTable(
  "access_tokens",
  { ...tokenColumns(), revokedAt: at("revoked_at"), createdAt: createdAt() },
  (t) => [index("access_tokens_grant").on(t.grantId), index("access_tokens_expires").on(t.expiresAt)],
);

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    ...tokenColumns(),
    /** Set when this refresh token was exchanged for a new one; a second use revokes the grant. */
    rotatedAt: at("rotated_at"),
    revokedAt: at("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("refresh_tokens_grant").on(t.grantId), index("refresh_tokens_expires").on(t.expiresAt)],
);

/** RS256 signing keys. The newest unretired key signs; retired keys stay published until `publishUntil`. */
export const signingKeys = pgTable("signing_keys", {
  kid: text("kid").primaryKey(),
  alg: text("alg").notNull().default("RS256"),
  publicJwk: jsonb("public_jwk").$type<Record<string, unknown>>().notNull(),
  privateJwk: jsonb("private_jwk").$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
  retiredAt: at("retired_at"),
  publishUntil: at("publish_until"),
});

/** Fixed-window counters for sign-in throttling, shared by every server process. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull(),
    resetAt: at("reset_at").notNull(),
  },
  (t) => [index("rate_limits_reset").on(t.resetAt)],
);
