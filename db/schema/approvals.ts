import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, belongsTo, createdAt, updatedAt, uuidId } from "./columns";
import { accountRef } from "./identities";
import { applications } from "./oauth";

export const approvalStatuses = ["pending", "approved", "denied"] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

/**
 * A request, made on the ask-an-administrator page, that an administrator install a third-party
 * application for the account. Requests for the same application fold into the one pending row
 * of (account, application) (the partial unique index): each person who asked is a requester.
 * Answered rows stay as history for as long as the account keeps its operation logs
 * (lib/sweep/sweep-answered-approvals.ts); asking again after a denial opens a new pending row.
 */
export const approvalRequests = pgTable(
  "approval_requests",
  {
    id: uuidId(),
    accountId: accountRef(),
    applicationId: belongsTo("app_id", () => applications.id),
    /** Every scope the requesters asked for (what their authorization requests named, as the app declared it). */
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    status: text("status", { enum: approvalStatuses }).notNull().default("pending"),
    /** Who approved or denied it (actor label), when, and the reason of a denial. */
    decidedBy: text("decided_by"),
    decidedAt: at("decided_at"),
    denyReason: text("deny_reason"),
    createdAt: createdAt(),
    /** The last time someone asked (or it was answered): the list's order. */
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("approval_requests_pending")
      .on(t.accountId, t.applicationId)
      .where(sql`${t.status} = 'pending'`),
    index("approval_requests_account_status").on(t.accountId, t.status, t.updatedAt, t.id),
    /** A person's requests for one application (the consent screen), and the cascade when the app goes. */
    index("approval_requests_app_account").on(t.applicationId, t.accountId),
  ],
);

/** Who asked, once per person (subject) and request; asking again updates the reason and the time. */
export const approvalRequesters = pgTable(
  "approval_requesters",
  {
    requestId: belongsTo("request_id", () => approvalRequests.id),
    /** The person's OIDC subject: a RAM user, the owner, or a role session. */
    subject: uuid("subject").notNull(),
    /** The RAM user (also for a role session); null for the owner. */
    userId: uuid("user_id"),
    /** How the person appeared when asking, e.g. `alice@acme.onaliyun.com` or `auditor/alice@…`. */
    label: text("label").notNull(),
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    reason: text("reason").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.subject] })],
);
