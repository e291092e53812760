import { notFound } from "next/navigation";
import { ForbiddenPage } from "@/components/console/forbidden-notice";
import { Fact, InfoSection } from "@/components/console/info-section";
import { PageHeader } from "@/components/console/page-header";
import { Badge } from "@/components/ui/badge";
import { readApplication } from "@/lib/apps/reads";
import { scopeCatalog } from "@/lib/apps/scope-catalog";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { LocalTime } from "@/components/console/local-time";
import { TabLinks } from "@/components/console/tab-links";
import { describeSeconds } from "../form-helpers";
import { DeleteApplicationButton, EditApplicationButton } from "./application-actions";
import { ScopeTable } from "./scope-table";
import { SecretsPanel } from "./secrets-panel";

export const metadata = { title: "Application" };

const BASE = "/integrations/oauth/enterprise-apps";

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string }>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const [{ clientId }, { tab }] = await Promise.all([params, searchParams]);
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead) return <ForbiddenPage title="Application" />;
  const app = await readApplication({ actor: principal, clientId });
  if (!app) notFound();
  const active = tab === "secrets" ? "secrets" : "scopes";
  const tabs = [
    { key: "scopes", label: "OAuth Scope" },
    { key: "secrets", label: "App Secrets" },
  ];
  const none = <span className="text-gray-500">None</span>;
  return (
    <>
      <PageHeader
        title={app.name}
        actions={abilities.isAdmin ? <DeleteApplicationButton clientId={app.clientId} name={app.name} /> : null}
      />
      <InfoSection wide action={abilities.isAdmin ? <EditApplicationButton app={app} /> : null}>
        <Fact label="Display name">{app.name}</Fact>
        <Fact label="App ID (client_id)" className="font-mono">
          {app.clientId}
        </Fact>
        <Fact label="Application type">{app.type}</Fact>
        <Fact label="OAuth Protocol Version">{app.oauthVersion}</Fact>
        <Fact label="Third-party application">
          {app.thirdParty ? <Badge tone="blue">Yes</Badge> : <Badge>No</Badge>}
        </Fact>
        <Fact label="Access token validity">{describeSeconds(app.accessTokenValidity)}</Fact>
        <Fact label="Refresh token validity">{describeSeconds(app.refreshTokenValidity)}</Fact>
        <Fact label="Homepage URL" className="break-all">
          {app.homepageUrl || none}
        </Fact>
        <Fact label="Logo URL" className="break-all">
          {app.logoUrl || none}
        </Fact>
        <Fact label="Creation Time">
          <LocalTime value={new Date(app.createdAt).toISOString()} />
        </Fact>
        <Fact label="Update Time">
          <LocalTime value={new Date(app.updatedAt).toISOString()} />
        </Fact>
        <Fact label="Description" className="lg:col-span-3">
          {app.description || none}
        </Fact>
        <Fact label="Redirect URIs" className="lg:col-span-3">
          {app.redirectUris.length ? (
            <ul className="font-mono">
              {app.redirectUris.map((u) => (
                <li key={u} className="break-all">
                  {u}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Fact>
      </InfoSection>
      <TabLinks
        label="Application details"
        tabs={tabs.map((t) => ({
          href: `${BASE}/${app.clientId}?tab=${t.key}`,
          label: t.label,
          active: active === t.key,
        }))}
      />
      {active === "scopes" ? (
        <ScopeTable
          clientId={app.clientId}
          scopes={app.scopes}
          catalog={scopeCatalog.map((s) => ({ scope: s.scope, title: s.title, description: s.description }))}
          canEdit={abilities.isAdmin}
        />
      ) : (
        <SecretsPanel
          clientId={app.clientId}
          type={app.type}
          secrets={app.secrets.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() }))}
          canEdit={abilities.isAdmin}
        />
      )}
    </>
  );
}
