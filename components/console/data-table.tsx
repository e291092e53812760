import { useTranslations } from "next-intl";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/lib/cn";

/** One column of a DataTable: its header, and what each row shows in it. */
export type Column<T> = {
  header: React.ReactNode;
  /** Classes of the header cell (a width, an alignment). */
  headerClassName?: string;
  /** Classes of each body cell. */
  className?: string;
  /** The header's aria-sort, for a column the list is sorted by (see sort-header.tsx). */
  sort?: "ascending" | "descending" | "none";
  cell: (row: T) => React.ReactNode;
};

/** The Actions column (Delete, Remove…), `width` wide; its buttons stay on one line. */
export function actionsColumn<T>(width: string, cell: (row: T) => React.ReactNode): Column<T> {
  return { header: <ActionsHeader />, headerClassName: width, className: "whitespace-nowrap", cell };
}

/** "Actions" in the page's language (a component, so that server and client tables both can use it). */
function ActionsHeader() {
  return useTranslations("console.table")("actions");
}

export type DataTableProps<T> = {
  /** A column given as `false` is left out, e.g. Actions for someone who may not act. */
  columns: (Column<T> | false)[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The one row shown when there are no rows; it spans every column shown. */
  empty?: React.ReactNode;
  "aria-label"?: string;
  "aria-labelledby"?: string;
};

/**
 * The console's one list table: a header row from `columns`, then a row per item, or the `empty` text.
 * It scrolls sideways inside its own box (Table's wrapper) rather than widening the page.
 */
export function DataTable<T>({ columns, rows, rowKey, empty, ...label }: DataTableProps<T>) {
  const shown = columns.filter((c) => c !== false);
  return (
    <Table {...label}>
      <thead>
        <tr>
          {shown.map((c, i) => (
            <Th key={i} className={c.headerClassName} aria-sort={c.sort}>
              {c.header}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty ? <EmptyRow colSpan={shown.length}>{empty}</EmptyRow> : null}
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {shown.map((c, i) => (
              <Td key={i} className={c.className}>
                {c.cell(row)}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** A cell's name in medium weight with a smaller grey line under it (a display name, a scope's title). */
export function NameCell({
  name,
  detail,
  nameClassName,
  detailClassName,
}: {
  name: React.ReactNode;
  detail?: React.ReactNode;
  nameClassName?: string;
  detailClassName?: string;
}) {
  return (
    <>
      <div className={cn("font-medium", nameClassName)}>{name}</div>
      {detail ? <div className={cn("text-gray-500", detailClassName)}>{detail}</div> : null}
    </>
  );
}
