import { notFound } from "next/navigation";
import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { LocalTime } from "@/components/console/local-time";
import { PageHeader } from "@/components/console/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { DeleteAppButton } from "../delete-app-button";
import { readAssignments, readInstallationDetails } from "@/lib/apps/reads";
import type { Principal } from "@/lib/ram/principal";
import { Assignments } from "./assignments";

export const metadata = { title: "Third-party Application" };

const BASE = "/integrations/oauth/third-party-apps";
export default async function ThirdPartyAppPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead)
    return (
      <>
        <PageHeader title="Third-party Application" />
        <ForbiddenNotice />
      </>
    );
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
      <section aria-labelledby="basic-title" className="mb-6 rounded-sm border border-gray-200 bg-white p-5">
        <h2 id="basic-title" className="mb-3 font-semibold">
          Basic Information
        </h2>
        <dl className="grid grid-cols-[12rem_1fr] gap-y-2 lg:grid-cols-[12rem_1fr_12rem_1fr]">
          <Item label="Application Name">{app.name}</Item>
          <Item label="Application ID">
            <span className="font-mono text-xs">{app.clientId}</span>
          </Item>
          <Item label="Provider">{app.provider}</Item>
          <Item label="Application Type">
            {app.type}
            {app.official ? (
              <span className="ml-2">
                <Badge tone="blue">Official</Badge>
              </span>
            ) : null}
          </Item>
          <Item label="Homepage">
            {app.homepageUrl ? (
              <a className="link break-all" href={app.homepageUrl} target="_blank" rel="noopener noreferrer">
                {app.homepageUrl}
              </a>
            ) : (
              "None"
            )}
          </Item>
          <Item label="Installed By">
            {app.installedBy}{" "}
            <span className="text-gray-500">({app.source === "provisioned" ? "provisioned" : "consent"})</span>
          </Item>
          <Item label="Creation Time">
            <LocalTime value={app.createdAt.toISOString()} />
          </Item>
          <Item label="Update Time">
            <LocalTime value={app.updatedAt.toISOString()} />
          </Item>
          <Item label="People Who Used It">{app.usage.people}</Item>
          <Item label="Last Used">
            {app.usage.lastUsedAt ? <LocalTime value={app.usage.lastUsedAt.toISOString()} /> : "Never"}
          </Item>
        </dl>
      </section>
      {app.official ? await assignmentsSection(principal, app.clientId, abilities.isAdmin) : null}
      <section aria-labelledby="scope-title" className="mb-6">
        <h2 id="scope-title" className="mb-1 font-semibold">
          Authorization Scope
        </h2>
        <p className="mb-2 text-gray-600">
          What this application may access in this account. To change it, delete the application and authorize it again.
        </p>
        <Table aria-label="Authorization Scope">
          <thead>
            <tr>
              <Th>Scope</Th>
              <Th>Description</Th>
              <Th className="w-36">Type</Th>
              <Th className="w-32">Status</Th>
            </tr>
          </thead>
          <tbody>
            {app.scopes.map((s) => (
              <tr key={s.scope}>
                <Td>
                  <div className="font-medium">{s.title}</div>
                  <div className="font-mono text-xs text-gray-500">{s.scope}</div>
                </Td>
                <Td className="text-gray-600">{s.description}</Td>
                <Td>{s.required ? <Badge tone="orange">Required scope</Badge> : <Badge>Optional scope</Badge>}</Td>
                <Td>{s.granted ? <Badge tone="green">Granted</Badge> : <Badge tone="gray">Not granted</Badge>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
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

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-gray-500">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}
