import Link from "next/link";
import { notFound } from "next/navigation";
import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { PageHeader } from "@/components/console/page-header";
import { Badge } from "@/components/ui/badge";
import { readApplication } from "@/lib/apps/reads";
import { scopeCatalog } from "@/lib/apps/scope-catalog";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { cn } from "@/lib/cn";
import { LocalTime } from "@/components/console/local-time";
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
  if (!abilities.canRead)
    return (
      <>
        <PageHeader title="Application" />
        <ForbiddenNotice />
      </>
    );
  const app = await readApplication({ actor: principal, clientId });
  if (!app) notFound();
  const active = tab === "secrets" ? "secrets" : "scopes";
  const tabs = [
    { key: "scopes", label: "OAuth Scope" },
    { key: "secrets", label: "App Secrets" },
  ];
  return (
    <>
      <PageHeader
        title={app.name}

        actions={abilities.isAdmin ? <DeleteApplicationButton clientId={app.clientId} name={app.name} /> : null}
      />
      <section aria-labelledby="basic-title" className="mb-6 rounded-sm border border-gray-200 bg-white p-5">
        <div className="mb-3 flex items-center justify-between">
          <h2 id="basic-title" className="font-semibold">
            Basic Information
          </h2>
          {abilities.isAdmin ? <EditApplicationButton app={app} /> : null}
        </div>
        <dl className="grid grid-cols-[11rem_1fr] gap-x-4 gap-y-2 lg:grid-cols-[11rem_1fr_11rem_1fr]">
          <dt className="text-gray-500">Display name</dt>
          <dd>{app.name}</dd>
          <dt className="text-gray-500">App ID (client_id)</dt>
          <dd className="font-mono">{app.clientId}</dd>
          <dt className="text-gray-500">Application type</dt>
          <dd>{app.type}</dd>
          <dt className="text-gray-500">Third-party application</dt>
          <dd>{app.thirdParty ? <Badge tone="blue">Yes</Badge> : <Badge>No</Badge>}</dd>
          <dt className="text-gray-500">Access token validity</dt>
          <dd>{describeSeconds(app.accessTokenValidity)}</dd>
          <dt className="text-gray-500">Refresh token validity</dt>
          <dd>{describeSeconds(app.refreshTokenValidity)}</dd>
          <dt className="text-gray-500">Homepage URL</dt>
          <dd className="break-all">{app.homepageUrl || <span className="text-gray-400">None</span>}</dd>
          <dt className="text-gray-500">Logo URL</dt>
          <dd className="break-all">{app.logoUrl || <span className="text-gray-400">None</span>}</dd>
          <dt className="text-gray-500">Creation Time</dt>
          <dd>
            <LocalTime value={new Date(app.createdAt).toISOString()} />
          </dd>
          <dt className="text-gray-500">Update Time</dt>
          <dd>
            <LocalTime value={new Date(app.updatedAt).toISOString()} />
          </dd>
          <dt className="text-gray-500">Description</dt>
          <dd className="lg:col-span-3">{app.description || <span className="text-gray-400">None</span>}</dd>
          <dt className="text-gray-500">Redirect URIs</dt>
          <dd className="lg:col-span-3">
            {app.redirectUris.length ? (
              <ul className="font-mono">
                {app.redirectUris.map((u) => (
                  <li key={u} className="break-all">
                    {u}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-gray-400">None</span>
            )}
          </dd>
        </dl>
      </section>
      <nav aria-label="Application details" className="mb-4 flex gap-6 border-b border-gray-200">
        {tabs.map((t) => (
          <Link
            key={t.key}
            href={`${BASE}/${app.clientId}?tab=${t.key}`}
            aria-current={active === t.key ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-1 py-2",
              active === t.key
                ? "border-brand-500 font-medium text-brand-700"
                : "border-transparent text-gray-600 hover:text-link",
            )}
          >
            {t.label}
          </Link>
        ))}
      </nav>
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
