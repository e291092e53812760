import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { PageHeader } from "@/components/console/page-header";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { scopeCatalog } from "@/lib/apps/scope-catalog";
import { getTranslations } from "next-intl/server";
import { scopeTranslator } from "../../_components/scope-text";
import { CreateApplicationForm } from "../create-application-form";

export async function generateMetadata() {
  const t = await getTranslations("enterpriseApps.create");
  return { title: t("title") };
}

export default async function CreateApplicationPage() {
  await requirePrincipal();
  const abilities = await getAbilities();
  const [t, translate] = await Promise.all([getTranslations("enterpriseApps.create"), scopeTranslator()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {abilities.isAdmin ? (
        <CreateApplicationForm
          catalog={scopeCatalog.map((s) => translate({ scope: s.scope, title: s.title, description: s.description }))}
        />
      ) : (
        <ForbiddenNotice>{t("forbidden")}</ForbiddenNotice>
      )}
    </>
  );
}
