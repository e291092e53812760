import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { belongsTo, createdAt, updatedAt, uuidId } from "./columns";
import { accountRef } from "./identities";

export const appTypes = ["WebApp", "NativeApp", "ServerApp"] as const;
export type AppType = (typeof appTypes)[number];
/** The real console's "OAuth Protocol Version": 2.1 = PKCE, no client secret, exact redirect URIs, rotating refresh tokens. */
export const oauthVersions = ["2.0", "2.1"] as const;
export type OAuthVersion = (typeof oauthVersions)[number];

/** An OAuth client registered by a provider account. `thirdParty` lets other accounts install it. */
export const applications = pgTable(
  "applications",
  {
    id: uuidId(),
    /** The public app ID (OAuth client_id). */
    clientId: text("client_id").notNull().unique(),
    accountId: accountRef(),
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /**
     * lower(name) and lower(client_id), kept by the database, for the lists' "contains" search:
     * `lower(x) LIKE lower(pattern)` is what ILIKE does in a UTF-8 database, without lowering every
     * row on every search (on the embedded PGlite ILIKE over 6 000 names took ~30× a LIKE).
     */
    nameLower: text("name_lower").generatedAlwaysAs(sql`lower(name)`),
    clientIdLower: text("client_id_lower").generatedAlwaysAs(sql`lower(client_id)`),
  },
  (t) => [index("applications_account").on(t.accountId)],
);

const appRef = () => belongsTo("app_id", () => applications.id);

export const appScopes = pgTable(
  "app_scopes",
  {
    applicationId: appRef(),
    scope: text("scope").notNull(),
    required: boolean("required").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.scope] })],
);

/** Client secrets: stored only as a hash; at most two per application. */
export const appSecrets = pgTable(
  "app_secrets",
  {
    id: uuidId(),
    applicationId: appRef(),
    secretHash: text("secret_hash").notNull(),
    /** First characters of the secret, so that people can tell two secrets apart. */
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("app_secrets_app").on(t.applicationId)],
);

export const installSources = ["consent", "provisioned"] as const;

/** One per account and application: the account-wide grant. Tokens point here; deleting it stops them all. */
export const installations = pgTable(
  "installations",
  {
    id: uuidId(),
    accountId: accountRef(),
    applicationId: appRef(),
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    source: text("source", { enum: installSources }).notNull(),
    installedBy: text("installed_by").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("installations_account_app").on(t.accountId, t.applicationId),
    index("installations_app").on(t.applicationId),
  ],
);

const installationRef = () => belongsTo("installation_id", () => installations.id);

/** Who may use an official application in an account (users directly, or through a group). */
export const assignments = pgTable(
  "assignments",
  {
    installationId: installationRef(),
    principalType: text("principal_type", { enum: ["user", "group"] }).notNull(),
    principalId: uuid("principal_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.principalType, t.principalId] })],
);

/**
 * A person's own consent to an official application (identity and permission information): the
 * scope they chose, and every scope their consent screens offered (an offered scope left out of
 * `scopes` was declined; a scope the installation grants that was never offered asks again).
 * Null (a row from before the choice): everything the installation grants.
 */
export const personalConsents = pgTable(
  "personal_consents",
  {
    installationId: installationRef(),
    subject: uuid("subject").notNull(),
    scopes: jsonb("scopes").$type<string[]>(),
    offeredScopes: jsonb("offered_scopes").$type<string[]>(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.subject] })],
);
