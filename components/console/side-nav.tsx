"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import { isActive, navSections } from "./nav-items";

/** The left navigation from md up; below md the same links open from the top bar's menu button (MobileNav). */
export function SideNav() {
  return (
    <nav aria-label="Console" className="hidden w-52 shrink-0 border-r border-gray-200 bg-white py-3 md:block">
      <NavLinks />
    </nav>
  );
}

/** The navigation's sections and links; `onNavigate` runs when a link is followed (the phone menu closes). */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return navSections.map((section, i) => (
    <div key={section.title ?? i} className="mb-2">
      {section.title ? <div className="px-5 py-1.5 text-xs font-medium text-gray-500">{section.title}</div> : null}
      <ul>
        {section.items.map((item) => {
          const active = isActive(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block border-l-2 px-5 py-1.5 hover:bg-gray-50",
                  active
                    ? "border-brand-500 bg-brand-50 font-medium text-brand-700"
                    : "border-transparent text-gray-700",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  ));
}
