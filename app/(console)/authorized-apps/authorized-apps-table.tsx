import { getFormatter, getTranslations } from "next-intl/server";
import { actionsColumn, DataTable, NameCell } from "@/components/console/data-table";
import { LocalTime } from "@/components/console/local-time";
import { Badge } from "@/components/ui/badge";
import type { AuthorizedApp } from "@/lib/apps/authorized-app-queries";
import { scopeMessageKey } from "@/lib/apps/scope-catalog";
import { RevokeAppButton } from "./revoke-app-button";

/**
 * A person's authorized applications (issue 16, item 4): on their own page with Revoke, and
 * read-only on a user's page for an administrator. What each may access, in the viewer's language.
 */
export async function AuthorizedAppsTable({
  apps,
  canRevoke,
  empty,
  ...label
}: {
  apps: AuthorizedApp[];
  canRevoke: boolean;
  empty: string;
  "aria-label"?: string;
  "aria-labelledby"?: string;
}) {
  const [t, scopes, format] = await Promise.all([
    getTranslations("authorizedApps"),
    getTranslations("scopeCatalog"),
    getFormatter(),
  ]);
  const title = (scope: string) => {
    const key = scopeMessageKey(scope);
    return key ? scopes(`${key}.title`) : scope;
  };
  return (
    <DataTable
      {...label}
      rows={apps}
      rowKey={(app) => app.clientId}
      empty={empty}
      columns={[
        {
          header: t("application"),
          className: "long-text",
          cell: (app) => <NameCell name={app.name} detail={t("provider", { provider: app.provider })} />,
        },
        {
          header: t("type"),
          cell: (app) => (
            <NameCell
              name={<Badge tone={app.kind === "official" ? "blue" : "gray"}>{t(`kind.${app.kind}`)}</Badge>}
              detail={
                app.personalConsent
                  ? t("consentedOn", { date: app.personalConsent.createdAt })
                  : t("installedForAccount")
              }
              nameClassName="font-normal"
            />
          ),
        },
        {
          header: t("scope"),
          cell: (app) => format.list(app.scopes.map(title), { type: "conjunction", style: "narrow" }),
        },
        {
          header: t("lastUsed"),
          cell: (app) => (app.lastUsedAt ? <LocalTime value={app.lastUsedAt.toISOString()} /> : t("never")),
        },
        {
          header: t("status"),
          cell: (app) =>
            app.activeTokens ? <Badge tone="green">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>,
        },
        canRevoke &&
          actionsColumn("w-24", (app: AuthorizedApp) => (
            <RevokeAppButton clientId={app.clientId} name={app.name} consent={app.personalConsent !== null} />
          )),
      ]}
    />
  );
}
