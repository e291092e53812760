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
import { getTranslations } from "next-intl/server";
import { validityUnit } from "../form-helpers";
import { scopeTranslator } from "../../_components/scope-text";
import { DeleteApplicationButton, EditApplicationButton } from "./application-actions";
import { ScopeTable } from "./scope-table";
import { SecretsPanel } from "./secrets-panel";

export async function generateMetadata() {
  const t = await getTranslations("enterpriseApps.detail");
  return { title: t("metaTitle") };
}

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
  const t = await getTranslations("enterpriseApps");
  if (!abilities.canRead) return <ForbiddenPage title={t("detail.metaTitle")} />;
  const app = await readApplication({ actor: principal, clientId });
  if (!app) notFound();
  const translate = await scopeTranslator();
  const active = tab === "secrets" ? "secrets" : "scopes";
  const tabs = [
    { key: "scopes", label: t("detail.tabs.scopes") },
    { key: "secrets", label: t("detail.tabs.secrets") },
  ];
  const none = <span className="text-gray-500">{t("none")}</span>;
  const validity = (value: number) => {
    const { unit, count } = validityUnit(value);
    return t(`validity.${unit}`, { value, count });
  };
  return (
    <>
      <PageHeader
        title={app.name}
        actions={abilities.isAdmin ? <DeleteApplicationButton clientId={app.clientId} name={app.name} /> : null}
      />
      <InfoSection wide action={abilities.isAdmin ? <EditApplicationButton app={app} /> : null}>
        <Fact label={t("detail.facts.name")}>{app.name}</Fact>
        <Fact label={t("detail.facts.clientId")} className="font-mono">
          {app.clientId}
        </Fact>
        <Fact label={t("detail.facts.type")}>{app.type}</Fact>
        <Fact label={t("detail.facts.oauthVersion")}>{app.oauthVersion}</Fact>
        <Fact label={t("detail.facts.thirdParty")}>
          {app.thirdParty ? <Badge tone="blue">{t("yes")}</Badge> : <Badge>{t("no")}</Badge>}
        </Fact>
        <Fact label={t("detail.facts.accessToken")}>{validity(app.accessTokenValidity)}</Fact>
        <Fact label={t("detail.facts.refreshToken")}>{validity(app.refreshTokenValidity)}</Fact>
        <Fact label={t("detail.facts.homepage")} className="break-all">
          {app.homepageUrl || none}
        </Fact>
        <Fact label={t("detail.facts.logo")} className="break-all">
          {app.logoUrl || none}
        </Fact>
        <Fact label={t("detail.facts.createdAt")}>
          <LocalTime value={new Date(app.createdAt).toISOString()} />
        </Fact>
        <Fact label={t("detail.facts.updatedAt")}>
          <LocalTime value={new Date(app.updatedAt).toISOString()} />
        </Fact>
        <Fact label={t("detail.facts.description")} className="lg:col-span-3">
          {app.description || none}
        </Fact>
        <Fact label={t("detail.facts.redirectUris")} className="lg:col-span-3">
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
        label={t("detail.tabsLabel")}
        tabs={tabs.map((item) => ({
          href: `${BASE}/${app.clientId}?tab=${item.key}`,
          label: item.label,
          active: active === item.key,
        }))}
      />
      {active === "scopes" ? (
        <ScopeTable
          clientId={app.clientId}
          scopes={app.scopes.map(translate)}
          catalog={scopeCatalog.map((s) => translate({ scope: s.scope, title: s.title, description: s.description }))}
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
