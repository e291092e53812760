import { cn } from "@/lib/cn";
import { ScrollFrame } from "./scroll-frame";

/** A table in a frame that scrolls sideways (and says so) when the screen is narrower than the table. */
export function Table({ className, ...props }: React.TableHTMLAttributes<HTMLTableElement>) {
  return (
    <ScrollFrame label={props["aria-label"]}>
      <table className={cn("w-full border-collapse text-left text-[13px]", className)} {...props} />
    </ScrollFrame>
  );
}
export function Th({ className, ...props }: React.ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn("border-b border-gray-200 bg-gray-50 px-4 py-2 font-medium text-gray-600", className)}
      {...props}
    />
  );
}
export function Td({ className, ...props }: React.TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-gray-100 px-4 py-2 align-middle", className)} {...props} />;
}
export function EmptyRow({ colSpan, children }: { colSpan: number; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-4 py-10 text-center text-gray-500">
        {children}
      </td>
    </tr>
  );
}
