"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const tabs = [
  { href: "/integrations/oauth/enterprise-apps", label: "Enterprise Applications" },
  { href: "/integrations/oauth/third-party-apps", label: "Third-party Applications" },
];

/** The tabs of Integrations > OAuth (Preview), as links so that each tab has its own URL. */
export function OAuthTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="OAuth applications" className="mb-4 flex gap-6 border-b border-gray-200">
      {tabs.map((t) => {
        const active = pathname.startsWith(t.href);
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-1 py-2",
              active
                ? "border-brand-500 font-medium text-brand-700"
                : "border-transparent text-gray-600 hover:text-link",
            )}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
