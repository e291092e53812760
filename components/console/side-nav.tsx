"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { isActive, navSections } from "./nav-items";
import { NavLink } from "./tab-links";

const activeLink = "border-brand-500 bg-brand-50 font-medium text-brand-700";
const idleLink = "border-transparent text-gray-700";

/** The left navigation from md up; below md the same links open from the top bar's menu button (MobileNav). */
export function SideNav() {
  const t = useTranslations("console.nav");
  return (
    <nav aria-label={t("label")} className="hidden w-52 shrink-0 border-r border-gray-200 bg-white py-3 md:block">
      <NavLinks />
    </nav>
  );
}

/** The navigation's sections and links; `onNavigate` runs when a link is followed (the phone menu closes). */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const t = useTranslations("console.nav");
  return navSections.map((section, i) => (
    <div key={section.title ?? i} className="mb-2">
      {section.title ? <div className="px-5 py-1.5 text-xs font-medium text-gray-500">{t(section.title)}</div> : null}
      <ul>
        {section.items.map((item) => (
          <li key={item.href}>
            <NavLink
              href={item.href}
              onClick={onNavigate}
              active={isActive(item.href, pathname)}
              className="block border-l-2 px-5 py-1.5 hover:bg-gray-50"
              activeClassName={activeLink}
              idleClassName={idleLink}
            >
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  ));
}
