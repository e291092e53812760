import { Breadcrumbs } from "./breadcrumbs";

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <div className="mb-5">
      <Breadcrumbs current={title} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="min-w-0 text-xl font-semibold">{title}</h1>
        {actions ? <div className="flex gap-2">{actions}</div> : null}
      </div>
      {description ? <div className="mt-2 max-w-3xl text-gray-600 wrap-anywhere">{description}</div> : null}
    </div>
  );
}
