"use client";

import { usePathname } from "next/navigation";
import { NavLink } from "./tab-links";

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
            {section.items.map((item) => (
              <li key={item.href}>
                <NavLink
                  href={item.href}
                  active={item.href === "/" ? pathname === "/" : pathname.startsWith(item.href)}
                  className="block border-l-2 px-5 py-1.5 hover:bg-gray-50"
                  activeClassName="border-brand-500 bg-brand-50 font-medium text-brand-700"
                  idleClassName="border-transparent text-gray-700"
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
