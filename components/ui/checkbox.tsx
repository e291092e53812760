"use client";

import { Checkbox as C } from "radix-ui";
import { cn } from "@/lib/cn";

/** A checkbox (Radix: role="checkbox", Space toggles it). Name it with `aria-label` or a wrapping label. */
export function Checkbox({ className, ...props }: React.ComponentProps<typeof C.Root>) {
  const box =
    "inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-[3px] border border-gray-400 bg-white data-[state=checked]:border-brand-500 data-[state=checked]:bg-brand-500 disabled:cursor-not-allowed disabled:opacity-50";
  return (
    <C.Root className={cn(box, className)} {...props}>
      <C.Indicator className="text-white">
        <svg aria-hidden viewBox="0 0 12 12" className="h-3 w-3" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M2.5 6.5l2.5 2.5 4.5-5" />
        </svg>
      </C.Indicator>
    </C.Root>
  );
}
