import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, belongsTo, createdAt, updatedAt, uuidId } from "./columns";

/** An Alibaba Cloud account ("primary account"): the tenant. The owner signs in with e-mail + password. */
export const accounts = pgTable("accounts", {
  id: uuidId(),
  /** 16-digit account UID, as RAM shows it. */
  uid: text("uid").notNull().unique(),
  alias: text("alias").notNull().unique(),
  ownerEmail: text("owner_email").notNull().unique(),
  ownerPasswordHash: text("owner_password_hash").notNull(),
  /** Opaque OIDC subject of the owner: reveals neither the UID nor the e-mail. */
  ownerSubject: uuid("owner_subject").notNull().defaultRandom().unique(),
  /** Operation logs older than this many days are deleted by the sweeper (lib/audit-log/retention.ts). */
  auditRetentionDays: integer("audit_retention_days").notNull().default(180),
  createdAt: createdAt(),
});

/** The account a row belongs to; it goes with the account. */
export const accountRef = () => belongsTo("account_id", () => accounts.id);
/** Groups and roles: a name unique in the account, and a description. */
function namedTable<N extends string>(name: N) {
  const columns = {
    id: uuidId(),
    accountId: accountRef(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
  };
  return pgTable(name, columns, (t) => [uniqueIndex(`${name}_account_name`).on(t.accountId, t.name)]);
}

/** A RAM user; signs in as `name@alias.onaliyun.com`. */
export const ramUsers = pgTable(
  "ram_users",
  {
    id: uuidId(),
    accountId: accountRef(),
    name: text("name").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    subject: uuid("subject").notNull().defaultRandom().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("ram_users_account_name").on(t.accountId, t.name)],
);

/** A user group: its members have its policies. */
export const ramGroups = namedTable("ram_groups");

export const groupMembers = pgTable(
  "group_members",
  { groupId: belongsTo("group_id", () => ramGroups.id), userId: belongsTo("user_id", () => ramUsers.id) },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("group_members_user").on(t.userId)],
);

/** A RAM role: a RAM user it trusts may switch to it and act with its policies. */
export const ramRoles = namedTable("ram_roles");

/** Which RAM users may switch to (assume) a role: the role's trust policy, reduced to a list. */
export const roleTrustees = pgTable(
  "role_trustees",
  { roleId: belongsTo("role_id", () => ramRoles.id), userId: belongsTo("user_id", () => ramUsers.id) },
  (t) => [primaryKey({ columns: [t.roleId, t.userId] }), index("role_trustees_user").on(t.userId)],
);

/** System policies (the catalogue is fixed; see lib/ram/policies.ts). */
export const policies = pgTable("policies", {
  name: text("name").primaryKey(),
  description: text("description").notNull(),
  policyType: text("policy_type").notNull().default("System"),
});

export const principalType = ["user", "group", "role"] as const;
export type PrincipalType = (typeof principalType)[number];

export const policyAttachments = pgTable(
  "policy_attachments",
  {
    accountId: accountRef(),
    principalType: text("principal_type", { enum: principalType }).notNull(),
    principalId: uuid("principal_id").notNull(),
    policyName: text("policy_name")
      .notNull()
      .references(() => policies.name),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.principalType, t.principalId, t.policyName] }),
    index("policy_attachments_account").on(t.accountId),
  ],
);

/**
 * Console sign-in sessions. The next-auth JWT carries only `sid`; the row is the truth, so that
 * sign-out, disabling a user or deleting it ends the session on the server at once.
 */
export const consoleSessions = pgTable(
  "console_sessions",
  {
    id: text("id").primaryKey(),
    accountId: accountRef(),
    /** null = the account owner. */
    userId: uuid("user_id").references(() => ramUsers.id, { onDelete: "cascade" }),
    /** set while a RAM user acts as a role. */
    roleId: uuid("role_id").references(() => ramRoles.id, { onDelete: "set null" }),
    authTime: at("auth_time").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    index("console_sessions_user")
      .on(t.userId)
      .where(sql`${t.revokedAt} is null`),
    index("console_sessions_expires").on(t.expiresAt),
  ],
);
