import { useTranslations } from "next-intl";

/**
 * What a list page shows while it loads: each list page's loading.tsx. Detail pages have none on
 * purpose: a loading boundary sends the page's 200 before it ran, so an unknown id could no longer
 * answer 404 (notFound() would stream into a page already answered 200).
 */
export function PageLoading() {
  const t = useTranslations("console");
  return (
    <div role="status" aria-live="polite" className="py-10 text-gray-500">
      {t("loading")}
    </div>
  );
}
