import Link from "next/link";
import { useTranslations } from "next-intl";

/** Server-rendered pagination links that keep the other query parameters. */
export function Pagination({
  page,
  pageSize,
  total,
  basePath,
  query = {},
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath: string;
  query?: Record<string, string | undefined>;
}) {
  const t = useTranslations("console.pagination");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    params.set("page", String(p));
    return `${basePath}?${params}`;
  };
  return (
    <nav aria-label={t("label")} className="mt-3 flex items-center justify-end gap-3 text-gray-600">
      <span>{t("summary", { total, page: Math.min(page, pages), pages })}</span>
      {page > 1 ? (
        <Link className="link" href={href(page - 1)}>
          {t("previous")}
        </Link>
      ) : (
        <span className="text-gray-500">{t("previous")}</span>
      )}
      {page < pages ? (
        <Link className="link" href={href(page + 1)}>
          {t("next")}
        </Link>
      ) : (
        <span className="text-gray-500">{t("next")}</span>
      )}
    </nav>
  );
}
