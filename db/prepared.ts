import type { Db, Tx } from "./client";
import { nameStatement } from "./pglite-statements";

const cache = new WeakMap<object, Map<string, unknown>>();

/**
 * A hot lookup as a named prepared statement (drizzle `.prepare(name)` with `sql.placeholder`):
 * PostgreSQL plans it once per connection instead of on every request, which for the multi-table
 * joins of the token and session checks costs far more than running them (bench/README.md).
 * Built once per database handle; `name` must be unique per statement text. On PGlite, whose
 * drizzle driver drops the name, the text is named for db/pglite-statements.ts instead.
 */
export function preparedOnce<T extends { getQuery(): { sql: string } }>(db: Db | Tx, name: string, build: () => T): T {
  let forDb = cache.get(db);
  if (!forDb) cache.set(db, (forDb = new Map()));
  let query = forDb.get(name) as T | undefined;
  if (query === undefined) {
    query = build();
    nameStatement(query.getQuery().sql);
    forDb.set(name, query);
  }
  return query;
}
