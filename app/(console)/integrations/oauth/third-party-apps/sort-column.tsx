import Link from "next/link";
import type { Column } from "@/components/console/data-table";
import type { InstallationSort, SortOrder } from "@/lib/apps/installation-queries";

type Current = { search?: string; sort: InstallationSort; order: SortOrder };

/** A column that sorts the list on the server: its header is a link, so each sorting has its own URL. */
export function sortColumn<T>(
  { column, label, current, basePath }: { column: InstallationSort; label: string; current: Current; basePath: string },
  cell: (row: T) => React.ReactNode,
): Column<T> {
  const active = current.sort === column;
  const next: SortOrder = active && current.order === "desc" ? "asc" : "desc";
  const params = new URLSearchParams();
  if (current.search) params.set("search", current.search);
  params.set("sort", column);
  params.set("order", next);
  return {
    sort: active ? (current.order === "asc" ? "ascending" : "descending") : "none",
    header: (
      <Link href={`${basePath}?${params}`} className="inline-flex items-center gap-1 hover:text-link">
        {label}
        <span aria-hidden className={active ? "text-link" : "text-gray-300"}>
          {active && current.order === "asc" ? "↑" : "↓"}
        </span>
      </Link>
    ),
    cell,
  };
}
