import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errorPages.notFound");
  return (
    <main className="mx-auto max-w-lg px-6 py-20 text-center">
      <h1 className="mb-2 text-xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-gray-600">{t("text")}</p>
      <Link className="link" href="/">
        {t("back")}
      </Link>
    </main>
  );
}
