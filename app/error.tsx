"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPages.error");
  return (
    <main className="mx-auto max-w-lg px-6 py-20 text-center">
      <h1 className="mb-2 text-xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-gray-600">{t("text")}</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-sm bg-brand-600 px-4 py-1.5 text-white hover:bg-brand-700"
      >
        {t("retry")}
      </button>
    </main>
  );
}
