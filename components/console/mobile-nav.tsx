"use client";

import { Dialog as D } from "radix-ui";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { NavLinks } from "./side-nav";

/**
 * Below md the left navigation is hidden: this menu button in the top bar opens it as a sheet from
 * the left (a Radix dialog: focus moves into it, Escape and the close button close it, focus returns).
 */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const t = useTranslations("console");
  const brand = useTranslations("common.brand");
  return (
    <D.Root open={open} onOpenChange={setOpen}>
      <D.Trigger
        aria-label={t("mobileNav.open")}
        // Until React runs it, the menu cannot open: say so (components/ui/button.tsx).
        aria-disabled={hydrated ? undefined : true}
        className="-ml-1 flex h-8 w-8 shrink-0 items-center justify-center rounded-sm hover:bg-white/10 md:hidden"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M3 5h14M3 10h14M3 15h14" strokeLinecap="round" />
        </svg>
      </D.Trigger>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-black/40 md:hidden" />
        <D.Content className="fixed inset-y-0 left-0 z-50 w-64 max-w-[85vw] overflow-y-auto bg-white shadow-xl focus:outline-none md:hidden">
          <div className="flex h-12 items-center justify-between border-b border-gray-200 px-5">
            <D.Title className="font-semibold">{brand("long")}</D.Title>
            <D.Close
              aria-label={t("mobileNav.close")}
              className="rounded-sm px-1 text-lg text-gray-600 hover:text-gray-900"
            >
              ×
            </D.Close>
          </div>
          <D.Description className="sr-only">{t("mobileNav.description")}</D.Description>
          <nav aria-label={t("nav.label")} className="py-3">
            <NavLinks onNavigate={() => setOpen(false)} />
          </nav>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
