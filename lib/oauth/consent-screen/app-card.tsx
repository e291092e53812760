import type { ClientRecord } from "@/lib/apps/clients";
import type { ProtocolUi } from "./page-language";

export type AppCardData = {
  ui: ProtocolUi;
  /** As the application provider wrote them: shown as written, in no language of ours. */
  client: Pick<ClientRecord, "name" | "description" | "logoUrl" | "homepageUrl" | "official" | "clientId">;
  /** The provider's account alias; null when it is not known. */
  provider: string | null;
  who: { label: string; account: string };
  redirectHost: string;
};

/** The application asking, who provides it, who is signed in, and where the answer goes. */
export function AppCard({ ui: { t }, client, provider, who, redirectHost }: AppCardData) {
  const providerName = provider ?? t("consent.app.unknownProvider");
  return (
    <section className="app" aria-label={t("consent.app.label")}>
      <div className="head">
        {client.logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- static HTML outside Next.js, no image loader
          <img className="logo" src={client.logoUrl} alt="" width={40} height={40} />
        ) : (
          <span className="initial" aria-hidden="true">
            {client.name.slice(0, 1).toUpperCase()}
          </span>
        )}
        <div>
          <div className="name">{client.name}</div>
          {client.description ? <div className="muted">{client.description}</div> : null}
        </div>
      </div>
      <dl className="facts">
        <dt>{t("consent.app.provider")}</dt>
        <dd>{client.official ? t("consent.app.officialProvider", { provider: providerName }) : providerName}</dd>
        <dt>{t("consent.app.appId")}</dt>
        <dd className="mono">{client.clientId}</dd>
        {client.homepageUrl ? (
          <>
            <dt>{t("consent.app.homepage")}</dt>
            <dd>
              <a href={client.homepageUrl} rel="noopener noreferrer" target="_blank">
                {client.homepageUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t("consent.app.signedInAs")}</dt>
        <dd>{who.label}</dd>
        <dt>{t("consent.app.account")}</dt>
        <dd>{who.account}</dd>
        <dt>{t("consent.app.redirectsTo")}</dt>
        <dd>{redirectHost}</dd>
      </dl>
    </section>
  );
}
