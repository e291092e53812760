import { sql } from "drizzle-orm";
import { timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

/** Every time in the schema is a timestamptz. */
export const at = (name: string) => timestamp(name, { withTimezone: true });
/** When the row was made. */
export const createdAt = () => at("created_at").notNull().defaultNow();
/** When the row last changed: drizzle sets it on every update it writes. */
export const updatedAt = () =>
  at("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => sql`now()`);
/** A random UUID primary key. */
export const uuidId = () => uuid("id").primaryKey().defaultRandom();
/** A foreign key the row goes with: deleting the referenced row deletes this one. */
export const belongsTo = (name: string, target: () => AnyPgColumn) =>
  uuid(name).notNull().references(target, { onDelete: "cascade" });
