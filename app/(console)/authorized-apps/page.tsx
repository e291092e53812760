import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { readOwnAuthorizedApps } from "@/lib/apps/governance-reads";
import { requirePrincipal } from "@/lib/auth/current";
import { AuthorizedAppsTable } from "./authorized-apps-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("authorizedApps"))("title") };
}

/** My Authorized Applications: every signed-in person's own page (owner, RAM user, role session). */
export default async function AuthorizedAppsPage() {
  const [t, principal] = await Promise.all([getTranslations("authorizedApps"), requirePrincipal()]);
  const apps = await readOwnAuthorizedApps({ actor: principal });
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { account: principal.accountAlias })} />
      <AuthorizedAppsTable apps={apps} canRevoke empty={t("empty")} aria-label={t("tableLabel")} />
    </>
  );
}
