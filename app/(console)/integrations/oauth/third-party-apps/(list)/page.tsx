import Link from "next/link";
import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { LocalTime } from "@/components/console/local-time";
import { OAuthTabs } from "@/components/console/oauth-tabs";
import { PageHeader } from "@/components/console/page-header";
import { Pagination } from "@/components/console/pagination";
import { SearchBox } from "@/components/console/search-box";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import type { InstallationSort, SortOrder } from "@/lib/apps/installation-queries";
import { readInstallations, readOfficialCatalog } from "@/lib/apps/reads";
import type { Principal } from "@/lib/ram/principal";
import { readPageParams } from "@/lib/http/page-params";
import { DeleteAppButton } from "../delete-app-button";
import { SortHeader } from "../sort-header";
import { ProvisionDialog } from "../provision-dialog";
import { describeScope } from "@/lib/apps/scope-catalog";

async function provisionCatalog(actor: Principal) {
  const items = await readOfficialCatalog({ actor });
  return items.map((i) => ({ ...i, scopes: i.scopes.map((s) => ({ ...s, title: describeScope(s.scope).title })) }));
}

export const metadata = { title: "Third-party Applications" };

const BASE = "/integrations/oauth/third-party-apps";
type Search = { search?: string; sort?: string; order?: string; page?: string };

export default async function ThirdPartyAppsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  const sp = await searchParams;
  const header = (
    <>
      <PageHeader
        title="OAuth (Preview)"
        description="Third-party applications are applications of other accounts that an administrator of this account authorized. Deleting one revokes its authorization."
      />
      <OAuthTabs />
    </>
  );
  if (!abilities.canRead)
    return (
      <>
        {header}
        <ForbiddenNotice />
      </>
    );
  const { page } = readPageParams(sp);
  const search = sp.search?.trim().slice(0, 128) || undefined;
  const sort: InstallationSort = sp.sort === "updatedAt" ? "updatedAt" : "createdAt";
  const order: SortOrder = sp.order === "asc" ? "asc" : "desc";
  const result = await readInstallations({ actor: principal, search, sort, order, page });
  const columns = abilities.isAdmin ? 7 : 6;
  return (
    <>
      {header}
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <SearchBox placeholder="Search by application name or ID" defaultValue={search} />
        {abilities.isAdmin ? <ProvisionDialog catalog={await provisionCatalog(principal)} /> : null}
      </div>
      <Table aria-label="Third-party Applications">
        <thead>
          <tr>
            <Th>Application Name</Th>
            <Th>Application ID</Th>
            <SortHeader column="createdAt" label="Creation Time" current={{ search, sort, order }} basePath={BASE} />
            <SortHeader column="updatedAt" label="Update Time" current={{ search, sort, order }} basePath={BASE} />
            <Th>Last Used</Th>
            <Th className="text-right">People</Th>
            {abilities.isAdmin ? <Th className="w-44">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {result.items.length === 0 ? (
            <EmptyRow colSpan={columns}>
              {search
                ? "No installed application matches your search."
                : "No third-party application is installed in this account yet."}
            </EmptyRow>
          ) : (
            result.items.map((app) => (
              <tr key={app.clientId}>
                <Td className="long-text">
                  <Link className="link" href={`${BASE}/${encodeURIComponent(app.clientId)}`}>
                    {app.name}
                  </Link>
                  {app.source === "provisioned" ? (
                    <span className="ml-2">
                      <Badge tone="blue">Provisioned</Badge>
                    </span>
                  ) : null}
                </Td>
                <Td className="font-mono text-xs whitespace-nowrap">{app.clientId}</Td>
                <Td>
                  <LocalTime value={app.createdAt.toISOString()} />
                </Td>
                <Td>
                  <LocalTime value={app.updatedAt.toISOString()} />
                </Td>
                <Td>{app.lastUsedAt ? <LocalTime value={app.lastUsedAt.toISOString()} /> : "Never"}</Td>
                <Td className="text-right tabular-nums">{app.people}</Td>
                {abilities.isAdmin ? (
                  <Td className="whitespace-nowrap">
                    <DeleteAppButton clientId={app.clientId} name={app.name} variant="link" />
                  </Td>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        basePath={BASE}
        query={{ search, sort, order }}
      />
    </>
  );
}
