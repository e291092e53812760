import { DataTable, type DataTableProps } from "./data-table";
import { Pagination } from "./pagination";
import { SearchBox } from "./search-box";

type PageOf<T> = { items: T[]; total: number; page: number; pageSize: number };

/**
 * A list page's body: the search box (with `actions` beside it), one page of `result` in a DataTable,
 * then the page links, which keep the search and the other `query` parameters.
 */
export function SearchableList<T>({
  searchPlaceholder,
  search,
  actions,
  result,
  basePath,
  query = { search },
  ...table
}: {
  searchPlaceholder: string;
  search: string | undefined;
  actions?: React.ReactNode;
  result: PageOf<T>;
  basePath: string;
  query?: Record<string, string | undefined>;
} & Omit<DataTableProps<T>, "rows">) {
  return (
    <>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <SearchBox placeholder={searchPlaceholder} defaultValue={search} />
        {actions}
      </div>
      <DataTable rows={result.items} {...table} />
      <Pagination
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        basePath={basePath}
        query={query}
      />
    </>
  );
}
