import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./identities";

export const appTypes = ["WebApp", "NativeApp", "ServerApp"] as const;
export type AppType = (typeof appTypes)[number];
/** The real console's "OAuth Protocol Version": 2.1 = PKCE, no client secret, exact redirect URIs, rotating refresh tokens. */
export const oauthVersions = ["2.0", "2.1"] as const;
export type OAuthVersion = (typeof oauthVersions)[number];

/** An OAuth client registered by a provider account. `thirdParty` lets other accounts install it. */
export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The public app ID (OAuth client_id). */
    clientId: text("client_id").notNull().unique(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    type: text("type", { enum: appTypes }).notNull(),
    redirectUris: jsonb("redirect_uris").$type<string[]>().notNull().default([]),
    description: text("description").notNull().default(""),
    logoUrl: text("logo_url").notNull().default(""),
    homepageUrl: text("homepage_url").notNull().default(""),
    accessTokenValidity: integer("access_token_validity").notNull().default(3600),
    refreshTokenValidity: integer("refresh_token_validity").notNull().default(7776000),
    thirdParty: boolean("third_party").notNull().default(false),
    official: boolean("official").notNull().default(false),
    oauthVersion: text("oauth_version", { enum: oauthVersions }).notNull().default("2.0"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => sql`now()`),
  },
  (t) => [index("applications_account").on(t.accountId)],
);

export const appScopes = pgTable(
  "app_scopes",
  {
    applicationId: uuid("app_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    scope: text("scope").notNull(),
    required: boolean("required").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.scope] })],
);

/** Client secrets: stored only as a hash; at most two per application. */
export const appSecrets = pgTable(
  "app_secrets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("app_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    secretHash: text("secret_hash").notNull(),
    /** First characters of the secret, so that people can tell two secrets apart. */
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("app_secrets_app").on(t.applicationId)],
);

export const installSources = ["consent", "provisioned"] as const;

/** One per account and application: the account-wide grant. Tokens point here; deleting it stops them all. */
export const installations = pgTable(
  "installations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    applicationId: uuid("app_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    source: text("source", { enum: installSources }).notNull(),
    installedBy: text("installed_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => sql`now()`),
  },
  (t) => [
    uniqueIndex("installations_account_app").on(t.accountId, t.applicationId),
    index("installations_app").on(t.applicationId),
  ],
);

/** Who may use an official application in an account (users directly, or through a group). */
export const assignments = pgTable(
  "assignments",
  {
    installationId: uuid("installation_id")
      .notNull()
      .references(() => installations.id, { onDelete: "cascade" }),
    principalType: text("principal_type", { enum: ["user", "group"] }).notNull(),
    principalId: uuid("principal_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.principalType, t.principalId] })],
);

/** A person's own consent to an official application (identity and permission information). */
export const personalConsents = pgTable(
  "personal_consents",
  {
    installationId: uuid("installation_id")
      .notNull()
      .references(() => installations.id, { onDelete: "cascade" }),
    subject: uuid("subject").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.subject] })],
);

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
  authTime: timestamp("auth_time", { withTimezone: true }).notNull(),
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
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    /** The grant the first exchange created: revoked if the code is replayed (RFC 6749 §4.1.2). */
    grantId: uuid("grant_id"),
  },
  (t) => [index("auth_codes_expires").on(t.expiresAt)],
);

/** A token family: one per code exchange; refresh rotation stays inside it. */
export const grants = pgTable(
  "grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...personColumns,
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("grants_installation_user").on(t.installationId, t.userId), index("grants_user").on(t.userId)],
);

export const accessTokens = pgTable(
  "access_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    grantId: uuid("grant_id").notNull(),
    installationId: uuid("installation_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("access_tokens_grant").on(t.grantId), index("access_tokens_expires").on(t.expiresAt)],
);

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    grantId: uuid("grant_id").notNull(),
    installationId: uuid("installation_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set when this refresh token was exchanged for a new one; a second use revokes the grant. */
    rotatedAt: timestamp("rotated_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("refresh_tokens_grant").on(t.grantId), index("refresh_tokens_expires").on(t.expiresAt)],
);

/** RS256 signing keys. The newest unretired key signs; retired keys stay published until `publishUntil`. */
export const signingKeys = pgTable("signing_keys", {
  kid: text("kid").primaryKey(),
  alg: text("alg").notNull().default("RS256"),
  publicJwk: jsonb("public_jwk").$type<Record<string, unknown>>().notNull(),
  privateJwk: jsonb("private_jwk").$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  publishUntil: timestamp("publish_until", { withTimezone: true }),
});

/** Fixed-window counters for sign-in throttling, shared by every server process. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull(),
    resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limits_reset").on(t.resetAt)],
);
