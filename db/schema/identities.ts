import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** An Alibaba Cloud account ("primary account"): the tenant. The owner signs in with e-mail + password. */
export const accounts = pgTable("accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** 16-digit account UID, as RAM shows it. */
  uid: text("uid").notNull().unique(),
  alias: text("alias").notNull().unique(),
  ownerEmail: text("owner_email").notNull().unique(),
  ownerPasswordHash: text("owner_password_hash").notNull(),
  /** Opaque OIDC subject of the owner: reveals neither the UID nor the e-mail. */
  ownerSubject: uuid("owner_subject").notNull().defaultRandom().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A RAM user; signs in as `name@alias.onaliyun.com`. */
export const ramUsers = pgTable(
  "ram_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    subject: uuid("subject").notNull().defaultRandom().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => sql`now()`),
  },
  (t) => [uniqueIndex("ram_users_account_name").on(t.accountId, t.name)],
);

export const ramGroups = pgTable(
  "ram_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("ram_groups_account_name").on(t.accountId, t.name)],
);

export const groupMembers = pgTable(
  "group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => ramGroups.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => ramUsers.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("group_members_user").on(t.userId)],
);

export const ramRoles = pgTable(
  "ram_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("ram_roles_account_name").on(t.accountId, t.name)],
);

/** Which RAM users may switch to (assume) a role: the role's trust policy, reduced to a list. */
export const roleTrustees = pgTable(
  "role_trustees",
  {
    roleId: uuid("role_id")
      .notNull()
      .references(() => ramRoles.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => ramUsers.id, { onDelete: "cascade" }),
  },
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
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    principalType: text("principal_type", { enum: principalType }).notNull(),
    principalId: uuid("principal_id").notNull(),
    policyName: text("policy_name")
      .notNull()
      .references(() => policies.name),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
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
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** null = the account owner. */
    userId: uuid("user_id").references(() => ramUsers.id, { onDelete: "cascade" }),
    /** set while a RAM user acts as a role. */
    roleId: uuid("role_id").references(() => ramRoles.id, { onDelete: "set null" }),
    authTime: timestamp("auth_time", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("console_sessions_user")
      .on(t.userId)
      .where(sql`${t.revokedAt} is null`),
    index("console_sessions_expires").on(t.expiresAt),
  ],
);
