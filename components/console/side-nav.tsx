"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const sections: { title?: string; items: { href: string; label: string }[] }[] = [
  { items: [{ href: "/", label: "Overview" }] },
  {
    title: "Identities",
    items: [
      { href: "/identities/users", label: "Users" },
      { href: "/identities/groups", label: "User Groups" },
      { href: "/identities/roles", label: "Roles" },
    ],
  },
  { title: "Permissions", items: [{ href: "/permissions/policies", label: "Policies" }] },
  { title: "Integrations", items: [{ href: "/integrations/oauth", label: "OAuth (Preview)" }] },
];

export function SideNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="hidden w-52 shrink-0 border-r border-gray-200 bg-white py-3 md:block">
      {sections.map((section, i) => (
        <div key={section.title ?? i} className="mb-2">
          {section.title ? <div className="px-5 py-1.5 text-xs font-medium text-gray-500">{section.title}</div> : null}
          <ul>
            {section.items.map((item) => {
              const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
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
      ))}
    </nav>
  );
}
