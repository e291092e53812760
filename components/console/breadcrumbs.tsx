"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { crumbs } from "./nav-items";

/**
 * The trail from the top (RAM / Integrations / OAuth (Preview) / Third-party Applications / name),
 * built from the URL so that no page lists its own ancestors. `current` names a page whose path is
 * not in the table (a user, a group, an application: its id is in the URL, its name is not).
 */
export function Breadcrumbs({ current }: { current: string }) {
  const pathname = usePathname();
  const t = useTranslations("console");
  const parts = pathname.split("/").filter(Boolean);
  const trail = ["/", ...parts.map((_, i) => `/${parts.slice(0, i + 1).join("/")}`)].map((href) => {
    const crumb = crumbs[href];
    return { href, ...(crumb ? { label: t(`nav.${crumb.label}`), link: crumb.link } : { label: current, link: true }) };
  });
  return (
    <nav aria-label={t("breadcrumbs.label")} className="mb-1 min-w-0 text-xs text-gray-500">
      <ol className="flex min-w-0 flex-wrap items-center gap-x-1">
        {trail.map((c, i) => {
          const last = i === trail.length - 1;
          return (
            <li key={c.href} className="flex min-w-0 items-center gap-x-1">
              {i > 0 ? <span aria-hidden>/</span> : null}
              {last ? (
                <span aria-current="page" title={c.label} className="truncate text-gray-700">
                  {c.label}
                </span>
              ) : c.link ? (
                <Link href={c.href} title={c.label} className="truncate hover:text-link">
                  {c.label}
                </Link>
              ) : (
                <span className="truncate">{c.label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
