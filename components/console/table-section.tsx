import { Alert } from "@/components/ui/alert";
import { cn } from "@/lib/cn";
import { DataTable, type DataTableProps } from "./data-table";

type SectionProps = {
  /** The section's name, and the table's. */
  title: string;
  /** false: no visible heading (a tab's only table); the description stands beside the action instead. */
  heading?: boolean;
  description?: React.ReactNode;
  /** The button beside the heading (Add, Create, Grant). */
  action?: React.ReactNode;
  /** A failed row action (Remove, Revoke, Set as Required). */
  error?: string | null;
  /** What the section holds besides the table (a dialog). */
  children?: React.ReactNode;
};

/**
 * The id of a section's heading, which its table or box is labelled by: the title's words (in any
 * script, so that two Chinese titles get two ids) joined by "-".
 */
export const sectionId = (title: string) => `${title.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, "-")}-title`;

/** A section's h2, with its action (a button) at the other end of the line. */
export function SectionHeading({
  id,
  title,
  action,
  className,
}: {
  id: string;
  title: string;
  action?: React.ReactNode;
  className: string;
}) {
  return (
    <div className={cn("flex items-center justify-between", className)}>
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {action}
    </div>
  );
}

/** A part of a page that is one table: its heading or description with an action beside it, a failure, the table. */
export function TableSection<T>({
  title,
  heading = true,
  description,
  action,
  error,
  children,
  ...table
}: SectionProps & Omit<DataTableProps<T>, "aria-label" | "aria-labelledby">) {
  const id = sectionId(title);
  const top = heading ? (
    <SectionHeading id={id} title={title} action={action} className="mb-2" />
  ) : (
    <div className="mb-3 flex items-center justify-between gap-4">
      <p className="text-gray-600">{description}</p>
      {action}
    </div>
  );
  return (
    <section {...(heading ? { "aria-labelledby": id } : { "aria-label": title })} className="mb-6">
      {top}
      {heading && description ? <p className="mb-2 text-gray-600">{description}</p> : null}
      {error ? (
        <Alert tone="error" className="mb-2">
          {error}
        </Alert>
      ) : null}
      <DataTable {...table} {...(heading ? { "aria-labelledby": id } : { "aria-label": title })} />
      {children}
    </section>
  );
}
