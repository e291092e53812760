"use client";

import { Switch as S } from "radix-ui";
import { cn } from "@/lib/cn";

/** An on/off toggle (Radix Switch: role="switch", Space toggles it). Name it with `aria-label` or a wrapping label. */
export function Switch({ className, ...props }: React.ComponentProps<typeof S.Root>) {
  return (
    <S.Root className={cn(track, className)} {...props}>
      <S.Thumb className={thumb} />
    </S.Root>
  );
}

const track =
  "relative inline-flex h-5 w-9 shrink-0 cursor-pointer items-center rounded-full bg-gray-300 transition-colors data-[state=checked]:bg-brand-500 disabled:cursor-not-allowed disabled:opacity-50";
const thumb =
  "block h-4 w-4 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[18px]";
