import { actionsColumn } from "@/components/console/data-table";
import Link from "next/link";
import { LocalTime } from "@/components/console/local-time";
import { SearchableList } from "@/components/console/searchable-list";
import { Badge } from "@/components/ui/badge";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import type { InstallationSort, SortOrder } from "@/lib/apps/installation-queries";
import { readInstallations, readOfficialCatalog } from "@/lib/apps/reads";
import type { Principal } from "@/lib/ram/principal";
import { readPageParams } from "@/lib/http/page-params";
import { DeleteAppButton } from "../delete-app-button";
import { sortColumn } from "../sort-column";
import { ProvisionDialog } from "../provision-dialog";
import { RequestsLink } from "../requests/requests-link";
import { getTranslations } from "next-intl/server";
import { describeScope } from "@/lib/apps/scope-catalog";
import { oauthPageTop } from "../../_components/oauth-page-top";
import { scopeTranslator } from "../../_components/scope-text";

async function provisionCatalog(actor: Principal) {
  const [items, translate] = await Promise.all([readOfficialCatalog({ actor }), scopeTranslator()]);
  return items.map((i) => ({
    ...i,
    scopes: i.scopes.map((s) => ({ ...s, title: translate(describeScope(s.scope)).title })),
  }));
}

export async function generateMetadata() {
  const t = await getTranslations("thirdPartyApps.list");
  return { title: t("metaTitle") };
}

const BASE = "/integrations/oauth/third-party-apps";
type Search = { search?: string; sort?: string; order?: string; page?: string };
type Row = Awaited<ReturnType<typeof readInstallations>>["items"][number];

export default async function ThirdPartyAppsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  const sp = await searchParams;
  const t = await getTranslations("thirdPartyApps");
  const { pending, header, refusal } = await oauthPageTop(principal, abilities, {
    title: t("oauthTitle"),
    description: t("list.description"),
  });
  if (refusal) return refusal;
  const { page } = readPageParams(sp);
  const search = sp.search?.trim().slice(0, 128) || undefined;
  const sort: InstallationSort = sp.sort === "updatedAt" ? "updatedAt" : "createdAt";
  const order: SortOrder = sp.order === "asc" ? "asc" : "desc";
  const result = await readInstallations({ actor: principal, search, sort, order, page });
  const sorting = { current: { search, sort, order }, basePath: BASE };
  return (
    <>
      {header}
      <SearchableList
        searchPlaceholder={t("list.search")}
        search={search}
        actions={
          <div className="flex flex-wrap gap-2">
            <RequestsLink count={pending} />
            {abilities.isAdmin ? <ProvisionDialog catalog={await provisionCatalog(principal)} /> : null}
          </div>
        }
        result={result}
        basePath={BASE}
        query={{ search, sort, order }}
        aria-label={t("list.tableLabel")}
        rowKey={(app) => app.clientId}
        empty={search ? t("list.emptySearch") : t("list.empty")}
        columns={[
          { header: t("columns.name"), className: "long-text", cell: (app) => nameCell(app, t("list.provisioned")) },
          {
            header: t("columns.clientId"),
            className: "font-mono text-xs whitespace-nowrap",
            cell: (app) => app.clientId,
          },
          sortColumn<Row>({ column: "createdAt", label: t("columns.createdAt"), ...sorting }, (app) => (
            <LocalTime value={app.createdAt.toISOString()} />
          )),
          sortColumn<Row>({ column: "updatedAt", label: t("columns.updatedAt"), ...sorting }, (app) => (
            <LocalTime value={app.updatedAt.toISOString()} />
          )),
          {
            header: t("columns.lastUsed"),
            cell: (app) => (app.lastUsedAt ? <LocalTime value={app.lastUsedAt.toISOString()} /> : t("never")),
          },
          {
            header: t("columns.people"),
            headerClassName: "text-right",
            className: "text-right tabular-nums",
            cell: (app) => app.people,
          },
          abilities.isAdmin &&
            actionsColumn("w-44", (app: Row) => (
              <DeleteAppButton clientId={app.clientId} name={app.name} variant="link" />
            )),
        ]}
      />
    </>
  );
}

function nameCell(app: Row, provisioned: string) {
  return (
    <>
      <Link className="link" href={`${BASE}/${encodeURIComponent(app.clientId)}`}>
        {app.name}
      </Link>
      {app.source === "provisioned" ? (
        <span className="ml-2">
          <Badge tone="blue">{provisioned}</Badge>
        </span>
      ) : null}
    </>
  );
}
