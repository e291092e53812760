import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./identities";

/**
 * Who caused an event: the account owner, a RAM user, a RAM user in a role session, the system
 * (an MCP host registering itself), or nobody signed in (a failed or throttled sign-in).
 */
export const auditActorTypes = ["owner", "user", "role", "system", "anonymous"] as const;
export type AuditActorType = (typeof auditActorTypes)[number];
/** What became of the attempt: most events record a change that happened; sign-ins can fail. */
export const auditResults = ["success", "failure", "throttled"] as const;
export type AuditResult = (typeof auditResults)[number];

/**
 * Every mutation writes one row here, in the same transaction as the change itself. The operation
 * logs read it newest first, keyset-paged on (created_at, id), with one index per filter.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    /** e.g. `owner@acme.example`, `admin@acme.onaliyun.com`, `auditor/alice@acme.onaliyun.com`, `system:…`. */
    actor: text("actor").notNull(),
    actorType: text("actor_type", { enum: auditActorTypes }).notNull().default("user"),
    /**
     * The person behind the actor, for the actor filter: the owner's e-mail or the RAM user's logon
     * name (also in a role session), or the logon name a sign-in tried. null for the system.
     */
    actorLogin: text("actor_login"),
    /** The OAuth client_id of the application whose access token made the call (console API, MCP). */
    viaClientId: text("via_client_id"),
    /** The client_id of the application the event is about, for the application filter. */
    appClientId: text("app_client_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    result: text("result", { enum: auditResults }).notNull().default("success"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Newest first within an account, and the retention sweep (created_at < cutoff).
    index("audit_events_account_time").on(t.accountId, t.createdAt, t.id),
    index("audit_events_account_actor").on(t.accountId, t.actorLogin, t.createdAt, t.id),
    index("audit_events_account_action").on(t.accountId, t.action, t.createdAt, t.id),
    index("audit_events_account_app").on(t.accountId, t.appClientId, t.createdAt, t.id),
    index("audit_events_account_via")
      .on(t.accountId, t.viaClientId, t.createdAt, t.id)
      .where(sql`${t.viaClientId} is not null`),
  ],
);
