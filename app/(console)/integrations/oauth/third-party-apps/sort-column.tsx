import Link from "next/link";
import { Th } from "@/components/ui/table";
import type { InstallationSort, SortOrder } from "@/lib/apps/installation-queries";

type Current = { search?: string; sort: InstallationSort; order: SortOrder };

/** A column header that sorts the list on the server: a link, so each sorting has its own URL. */
export function SortHeader({
  column,
  label,
  current,
  basePath,
}: {
  column: InstallationSort;
  label: string;
  current: Current;
  basePath: string;
}) {
  const active = current.sort === column;
  const next: SortOrder = active && current.order === "desc" ? "asc" : "desc";
  const params = new URLSearchParams();
  if (current.search) params.set("search", current.search);
  params.set("sort", column);
  params.set("order", next);
  return (
    <Th aria-sort={active ? (current.order === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={`${basePath}?${params}`} className="inline-flex items-center gap-1 hover:text-link">
        {label}
        <span aria-hidden className={active ? "text-link" : "text-gray-300"}>
          {active && current.order === "asc" ? "↑" : "↓"}
        </span>
      </Link>
    </Th>
  );
}
