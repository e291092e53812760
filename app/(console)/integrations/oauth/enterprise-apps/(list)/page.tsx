import Link from "next/link";
import { Pagination } from "@/components/console/pagination";
import { DataTable } from "@/components/console/data-table";
import { Badge } from "@/components/ui/badge";
import { readApplications } from "@/lib/apps/reads";
import { readPageParams } from "@/lib/http/page-params";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { LocalTime } from "@/components/console/local-time";
import { buttonClass } from "@/components/ui/button-class";
import { getTranslations } from "next-intl/server";
import { oauthPageTop } from "../../_components/oauth-page-top";

export async function generateMetadata() {
  const t = await getTranslations("enterpriseApps.list");
  return { title: t("metaTitle") };
}

const BASE = "/integrations/oauth/enterprise-apps";

export default async function EnterpriseAppsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  const t = await getTranslations("enterpriseApps");
  const { header, refusal } = await oauthPageTop(principal, abilities, {
    title: t("oauthTitle"),
    description: t("list.description"),
  });
  if (refusal) return refusal;
  const { page } = readPageParams(await searchParams);
  const result = await readApplications({ actor: principal, page });
  return (
    <>
      {header}
      {abilities.isAdmin ? (
        <div className="mb-3">
          <Link href={`${BASE}/new`} className={buttonClass("primary")}>
            {t("list.create")}
          </Link>
        </div>
      ) : null}
      <DataTable
        rows={result.items}
        rowKey={(app) => app.clientId}
        empty={abilities.isAdmin ? t("list.emptyAdmin") : t("list.empty")}
        columns={[
          {
            header: t("list.columns.name"),
            className: "long-text",
            cell: (app) => (
              <Link className="link font-medium" href={`${BASE}/${app.clientId}`}>
                {app.name}
              </Link>
            ),
          },
          { header: t("list.columns.clientId"), className: "font-mono whitespace-nowrap", cell: (app) => app.clientId },
          { header: t("list.columns.type"), cell: (app) => app.type },
          {
            header: t("list.columns.thirdParty"),
            cell: (app) => (app.thirdParty ? <Badge tone="blue">{t("yes")}</Badge> : <Badge>{t("no")}</Badge>),
          },
          { header: t("list.columns.createdAt"), cell: (app) => <LocalTime value={app.createdAt.toISOString()} /> },
        ]}
      />
      {result.total > result.pageSize ? (
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath={BASE} />
      ) : null}
    </>
  );
}
