import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Facts about this installation, one row at most (`id` is always true). Its existence closes the
 * first-run page for good: it references no account, so deleting accounts never reopens it.
 */
export const installationState = pgTable(
  "installation_state",
  {
    id: boolean("id").primaryKey().default(true),
    setupCompletedAt: timestamp("setup_completed_at", { withTimezone: true }).notNull().defaultNow(),
    /** UID of the account the first-run page created. */
    firstAccountUid: text("first_account_uid").notNull(),
  },
  (t) => [check("installation_state_singleton", sql`${t.id}`)],
);
