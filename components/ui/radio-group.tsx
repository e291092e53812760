"use client";

import { RadioGroup as R } from "radix-ui";
import { cn } from "@/lib/cn";

/** A group of radio buttons (Radix: arrow keys move, one tab stop). Name the group with `aria-label`. */
export function RadioGroup({ className, ...props }: React.ComponentProps<typeof R.Root>) {
  return <R.Root className={cn("grid gap-2", className)} {...props} />;
}

/** One option of a RadioGroup; name it with `aria-label` or a wrapping label. */
export function RadioGroupItem({ className, ...props }: React.ComponentProps<typeof R.Item>) {
  const item =
    "inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full border border-gray-400 bg-white data-[state=checked]:border-brand-500 disabled:cursor-not-allowed disabled:opacity-50";
  return (
    <R.Item className={cn(item, className)} {...props}>
      <R.Indicator className="block h-2 w-2 rounded-full bg-brand-500" />
    </R.Item>
  );
}
