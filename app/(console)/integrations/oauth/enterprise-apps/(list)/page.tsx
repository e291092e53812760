import Link from "next/link";
import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { OAuthTabs } from "@/components/console/oauth-tabs";
import { PageHeader } from "@/components/console/page-header";
import { Pagination } from "@/components/console/pagination";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { readApplications } from "@/lib/apps/reads";
import { readPageParams } from "@/lib/http/page-params";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { LocalTime } from "@/components/console/local-time";

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
      <OAuthTabs />
      {abilities.isAdmin ? (
        <div className="mb-3">
          <Link
            href={`${BASE}/new`}
            className="inline-flex h-8 items-center rounded-sm bg-brand-500 px-4 font-medium text-white hover:bg-brand-600"
          >
            Create Application
          </Link>
        </div>
      ) : null}
      <Table>
        <thead>
          <tr>
            <Th>Application Name</Th>
            <Th>App ID</Th>
            <Th>Type</Th>
            <Th>Third-party</Th>
            <Th>Creation Time</Th>
          </tr>
        </thead>
        <tbody>
          {result.items.length === 0 ? (
            <EmptyRow colSpan={5}>
              No applications yet.{abilities.isAdmin ? " Click Create Application to register one." : ""}
            </EmptyRow>
          ) : (
            result.items.map((app) => (
              <tr key={app.clientId}>
                <Td className="long-text">
                  <Link className="link font-medium" href={`${BASE}/${app.clientId}`}>
                    {app.name}
                  </Link>
                </Td>
                <Td className="font-mono whitespace-nowrap">{app.clientId}</Td>
                <Td>{app.type}</Td>
                <Td>{app.thirdParty ? <Badge tone="blue">Yes</Badge> : <Badge>No</Badge>}</Td>
                <Td>
                  <LocalTime value={app.createdAt.toISOString()} />
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      {result.total > result.pageSize ? (
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath={BASE} />
      ) : null}
    </>
  );
}
