/** The page size of every console list. */
export const PAGE_SIZE = 20;

export type PageOptions = { page?: number; pageSize?: number };
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** `%`, `_` and `\` match themselves in an ILIKE pattern built from a person's search text. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The ILIKE pattern "contains this text", or undefined for no search. */
export function containsPattern(search: string | undefined): string | undefined {
  return search ? `%${escapeLike(search)}%` : undefined;
}

/**
 * One page of a list: runs the page's rows (with limit and offset) and the total count together.
 * The page is at least 1; the page size between 1 and 100 (default PAGE_SIZE).
 */
export async function paginate<T>(
  opts: PageOptions,
  rows: (limit: number, offset: number) => PromiseLike<T[]>,
  total: () => PromiseLike<{ n: number }[]>,
): Promise<Page<T>> {
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(opts.pageSize ?? PAGE_SIZE)));
  const [items, [count]] = await Promise.all([rows(pageSize, (page - 1) * pageSize), total()]);
  return { items, total: count?.n ?? 0, page, pageSize };
}
