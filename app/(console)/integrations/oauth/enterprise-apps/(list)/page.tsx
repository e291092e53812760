import Link from "next/link";
import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { OAuthTabs } from "@/components/console/oauth-tabs";
import { PageHeader } from "@/components/console/page-header";
import { Pagination } from "@/components/console/pagination";
import { DataTable } from "@/components/console/data-table";
import { Badge } from "@/components/ui/badge";
import { readApplications } from "@/lib/apps/reads";
import { readPendingRequestCount } from "@/lib/apps/governance-reads";
import { readPageParams } from "@/lib/http/page-params";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { LocalTime } from "@/components/console/local-time";
import { buttonClass } from "@/components/ui/button";

export const metadata = { title: "Enterprise Applications" };

const BASE = "/integrations/oauth/enterprise-apps";

export default async function EnterpriseAppsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  const header = (
    <PageHeader
      title="OAuth (Preview)"
      description="Enterprise Applications are the OAuth applications this account registers. Mark one as a third-party application to let other accounts install it."
    />
  );
  if (!abilities.canRead)
    return (
      <>
        {header}
        <OAuthTabs />
        <ForbiddenNotice />
      </>
    );
  const { page } = readPageParams(await searchParams);
  const result = await readApplications({ actor: principal, page });
  return (
    <>
      {header}
      <OAuthTabs pendingRequests={await readPendingRequestCount({ actor: principal })} />
      {abilities.isAdmin ? (
        <div className="mb-3">
          <Link href={`${BASE}/new`} className={buttonClass("primary")}>
            Create Application
          </Link>
        </div>
      ) : null}
      <DataTable
        rows={result.items}
        rowKey={(app) => app.clientId}
        empty={`No applications yet.${abilities.isAdmin ? " Click Create Application to register one." : ""}`}
        columns={[
          {
            header: "Application Name",
            className: "long-text",
            cell: (app) => (
              <Link className="link font-medium" href={`${BASE}/${app.clientId}`}>
                {app.name}
              </Link>
            ),
          },
          { header: "App ID", className: "font-mono whitespace-nowrap", cell: (app) => app.clientId },
          { header: "Type", cell: (app) => app.type },
          {
            header: "Third-party",
            cell: (app) => (app.thirdParty ? <Badge tone="blue">Yes</Badge> : <Badge>No</Badge>),
          },
          { header: "Creation Time", cell: (app) => <LocalTime value={app.createdAt.toISOString()} /> },
        ]}
      />
      {result.total > result.pageSize ? (
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath={BASE} />
      ) : null}
    </>
  );
}
