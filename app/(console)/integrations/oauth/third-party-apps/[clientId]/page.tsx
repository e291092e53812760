import { notFound } from "next/navigation";
import { ForbiddenPage } from "@/components/console/forbidden-notice";
import { Fact, InfoSection } from "@/components/console/info-section";
import { LocalTime } from "@/components/console/local-time";
import { PageHeader } from "@/components/console/page-header";
import { Badge } from "@/components/ui/badge";
import { TableSection } from "@/components/console/table-section";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { DeleteAppButton } from "../delete-app-button";
import { readAssignments, readInstallationDetails } from "@/lib/apps/reads";
import type { Principal } from "@/lib/ram/principal";
import { scopeColumns } from "../../_components/scope-columns";
import { Assignments } from "./assignments";

export const metadata = { title: "Third-party Application" };

const BASE = "/integrations/oauth/third-party-apps";

export default async function ThirdPartyAppPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead) return <ForbiddenPage title="Third-party Application" />;
  const app = await readInstallationDetails({ actor: principal, clientId });
  if (!app) notFound();
  return (
    <>
      <PageHeader
        title={app.name}
        description={app.description || undefined}
        actions={
          abilities.isAdmin ? (
            <DeleteAppButton clientId={app.clientId} name={app.name} variant="danger" afterDelete={BASE} />
          ) : null
        }
      />
      <InfoSection wide>
        <Fact label="Application Name">{app.name}</Fact>
        <Fact label="Application ID">
          <span className="font-mono text-xs">{app.clientId}</span>
        </Fact>
        <Fact label="Provider">{app.provider}</Fact>
        <Fact label="Application Type">
          {app.type}
          {app.official ? (
            <span className="ml-2">
              <Badge tone="blue">Official</Badge>
            </span>
          ) : null}
        </Fact>
        <Fact label="Homepage">
          {app.homepageUrl ? (
            <a className="link break-all" href={app.homepageUrl} target="_blank" rel="noopener noreferrer">
              {app.homepageUrl}
            </a>
          ) : (
            "None"
          )}
        </Fact>
        <Fact label="Installed By">
          {app.installedBy}{" "}
          <span className="text-gray-500">({app.source === "provisioned" ? "provisioned" : "consent"})</span>
        </Fact>
        <Fact label="Creation Time">
          <LocalTime value={app.createdAt.toISOString()} />
        </Fact>
        <Fact label="Update Time">
          <LocalTime value={app.updatedAt.toISOString()} />
        </Fact>
        <Fact label="People Who Used It">{app.usage.people}</Fact>
        <Fact label="Last Used">
          {app.usage.lastUsedAt ? <LocalTime value={app.usage.lastUsedAt.toISOString()} /> : "Never"}
        </Fact>
      </InfoSection>
      {app.official ? await assignmentsSection(principal, app.clientId, abilities.isAdmin) : null}
      <TableSection
        title="Authorization Scope"
        description="What this application may access in this account. To change it, delete the application and authorize it again."
        rows={app.scopes}
        rowKey={(s) => s.scope}
        columns={[
          ...scopeColumns<(typeof app.scopes)[number]>("installer"),
          {
            header: "Status",
            headerClassName: "w-32",
            cell: (s) => (s.granted ? <Badge tone="green">Granted</Badge> : <Badge tone="gray">Not granted</Badge>),
          },
        ]}
      />
    </>
  );
}

async function assignmentsSection(principal: Principal, clientId: string, canEdit: boolean) {
  const read = await readAssignments({ actor: principal, clientId, withChoices: canEdit });
  if (!read) return null;
  const { assigned, choices } = read;
  return (
    <Assignments
      clientId={clientId}
      canEdit={canEdit}
      choices={choices}
      assigned={assigned.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() }))}
    />
  );
}
