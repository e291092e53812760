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
import { getTranslations } from "next-intl/server";
import { scopeColumns } from "../../_components/scope-columns";
import { scopeTranslator } from "../../_components/scope-text";
import { Assignments } from "./assignments";

export async function generateMetadata() {
  const t = await getTranslations("thirdPartyApps.detail");
  return { title: t("metaTitle") };
}

const BASE = "/integrations/oauth/third-party-apps";

export default async function ThirdPartyAppPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  const t = await getTranslations("thirdPartyApps");
  if (!abilities.canRead) return <ForbiddenPage title={t("detail.metaTitle")} />;
  const app = await readInstallationDetails({ actor: principal, clientId });
  if (!app) notFound();
  const [translate, scopeWords] = await Promise.all([scopeTranslator(), getTranslations("oauthScopes.columns")]);
  const scopes = app.scopes.map(translate);
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
        <Fact label={t("detail.name")}>{app.name}</Fact>
        <Fact label={t("detail.clientId")}>
          <span className="font-mono text-xs">{app.clientId}</span>
        </Fact>
        <Fact label={t("detail.provider")}>{app.provider}</Fact>
        <Fact label={t("detail.type")}>
          {app.type}
          {app.official ? (
            <span className="ml-2">
              <Badge tone="blue">{t("detail.official")}</Badge>
            </span>
          ) : null}
        </Fact>
        <Fact label={t("detail.homepage")}>
          {app.homepageUrl ? (
            <a className="link break-all" href={app.homepageUrl} target="_blank" rel="noopener noreferrer">
              {app.homepageUrl}
            </a>
          ) : (
            t("detail.none")
          )}
        </Fact>
        <Fact label={t("detail.installedBy")}>
          {app.installedBy} <span className="text-gray-500">{t("detail.installedVia", { source: app.source })}</span>
        </Fact>
        <Fact label={t("detail.createdAt")}>
          <LocalTime value={app.createdAt.toISOString()} />
        </Fact>
        <Fact label={t("detail.updatedAt")}>
          <LocalTime value={app.updatedAt.toISOString()} />
        </Fact>
        <Fact label={t("detail.people")}>{app.usage.people}</Fact>
        <Fact label={t("detail.lastUsed")}>
          {app.usage.lastUsedAt ? <LocalTime value={app.usage.lastUsedAt.toISOString()} /> : t("never")}
        </Fact>
      </InfoSection>
      {app.official ? await assignmentsSection(principal, app.clientId, abilities.isAdmin) : null}
      <TableSection
        title={t("detail.scopeTitle")}
        description={t("detail.scopeDescription")}
        rows={scopes}
        rowKey={(s) => s.scope}
        columns={[
          ...scopeColumns<(typeof scopes)[number]>("installer", scopeWords),
          {
            header: t("detail.status"),
            headerClassName: "w-32",
            cell: (s) =>
              s.granted ? (
                <Badge tone="green">{t("detail.granted")}</Badge>
              ) : (
                <Badge tone="gray">{t("detail.notGranted")}</Badge>
              ),
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
