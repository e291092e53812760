import Link from "next/link";
import { cn } from "@/lib/cn";

const activeTab = "border-brand-500 font-medium text-brand-700";
const idleTab = "border-transparent text-gray-600 hover:text-link";

/**
 * Tabs as links, so that each tab has its own URL; the current one is marked aria-current="page".
 * A tab's `badge` (a count) follows its label, inside the link.
 */
export function TabLinks({
  label,
  tabs,
}: {
  label: string;
  tabs: { href: string; label: string; active: boolean; badge?: React.ReactNode }[];
}) {
  return (
    <nav aria-label={label} className="mb-4 flex gap-6 border-b border-gray-200">
      {tabs.map((t) => (
        <NavLink
          key={t.href}
          href={t.href}
          active={t.active}
          className="-mb-px border-b-2 px-1 py-2"
          activeClassName={activeTab}
          idleClassName={idleTab}
        >
          {t.label}
          {t.badge}
        </NavLink>
      ))}
    </nav>
  );
}

/** A link to a page of the console, marked as the current page when `active`. */
export function NavLink({
  active,
  className,
  activeClassName,
  idleClassName,
  ...link
}: React.ComponentProps<typeof Link> & { active: boolean; activeClassName: string; idleClassName: string }) {
  return (
    <Link
      aria-current={active ? "page" : undefined}
      className={cn(className, active ? activeClassName : idleClassName)}
      {...link}
    />
  );
}
