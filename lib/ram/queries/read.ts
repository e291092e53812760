import { and, count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { containsPattern, paginate, type Page } from "@/db/paginate";
import { ramGroups, ramRoles, ramUsers } from "@/db/schema";
import type { Principal } from "../principal";

/**
 * The RAM reads. Each takes `{ actor }` and checks that the actor may read RAM (readerDb), the way
 * each write checks that its actor is an administrator; ids that are not UUIDs find nothing.
 */
export type Read<T = object> = { actor: Principal } & T;
export type ListOptions = { search?: string; page?: number };

/** What a list of RAM users shows of each. */
export const userColumns = {
  id: ramUsers.id,
  name: ramUsers.name,
  displayName: ramUsers.displayName,
  enabled: ramUsers.enabled,
};

type Listed = typeof ramUsers | typeof ramGroups | typeof ramRoles;
/** A select that is still open for its page's limit and offset. */
type Paged<T> = { limit(n: number): { offset(n: number): PromiseLike<T[]> } };

/**
 * One page of the account's users, groups or roles: those whose `searched` columns contain the
 * search text, as `rows` selects them under the filter it is given.
 */
export function searchPage<T>(
  db: Db,
  { table, searched, accountId }: { table: Listed; searched: AnyPgColumn[]; accountId: string },
  opts: ListOptions,
  rows: (where: SQL | undefined) => Paged<T>,
): Promise<Page<T>> {
  const like = containsPattern(opts.search);
  const where = and(eq(table.accountId, accountId), like ? or(...searched.map((c) => ilike(c, like))) : undefined);
  return paginate(
    opts,
    (limit, offset) => rows(where).limit(limit).offset(offset),
    () => db.select({ n: count() }).from(table).where(where),
  );
}
