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

function bounds(opts: PageOptions) {
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(opts.pageSize ?? PAGE_SIZE)));
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/**
 * One page of a list whose rows carry the total (`count(*) over ()`): one statement instead of a
 * page and a count that filter and join the same rows twice. Only a page past the end (no row to
 * carry the total) runs `total()`.
 */
export async function paginateCounted<T extends { total: number }>(
  opts: PageOptions,
  rows: (limit: number, offset: number) => PromiseLike<T[]>,
  total: () => PromiseLike<{ n: number }[]>,
): Promise<Page<Omit<T, "total">>> {
  const { page, pageSize, limit, offset } = bounds(opts);
  const found = await rows(limit, offset);
  const n = found[0]?.total ?? (page > 1 ? ((await total())[0]?.n ?? 0) : 0);
  const items = found.map((row) => {
    const { total: _total, ...item } = row;
    void _total;
    return item;
  });
  return { items, total: n, page, pageSize };
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
  const { page, pageSize, limit, offset } = bounds(opts);
  const [items, [count]] = await Promise.all([rows(limit, offset), total()]);
  return { items, total: count?.n ?? 0, page, pageSize };
}
