import Link from "next/link";

export function PageHeader({
  title,
  breadcrumbs,
  description,
  actions,
}: {
  title: string;
  breadcrumbs?: { href: string; label: string }[];
  description?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <div className="mb-5">
      {breadcrumbs?.length ? (
        <nav aria-label="Breadcrumb" className="mb-1 text-xs text-gray-500">
          {breadcrumbs.map((b, i) => (
            <span key={b.href}>
              {i > 0 ? " / " : null}
              <Link href={b.href} className="hover:text-link">
                {b.label}
              </Link>
            </span>
          ))}
        </nav>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{title}</h1>
        {actions ? <div className="flex gap-2">{actions}</div> : null}
      </div>
      {description ? <div className="mt-2 max-w-3xl text-gray-600">{description}</div> : null}
    </div>
  );
}
