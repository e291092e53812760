import type { ClientRecord } from "@/lib/apps/clients";

export type AppCardData = {
  client: Pick<ClientRecord, "name" | "description" | "logoUrl" | "homepageUrl" | "official" | "clientId">;
  provider: string;
  who: { label: string; account: string };
  redirectHost: string;
};

/** The application asking, who provides it, who is signed in, and where the answer goes. */
export function AppCard({ client, provider, who, redirectHost }: AppCardData) {
  return (
    <section className="app" aria-label="Application">
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
        <dt>Provider</dt>
        <dd>
          {provider}
          {client.official ? " (official application)" : ""}
        </dd>
        <dt>App ID</dt>
        <dd className="mono">{client.clientId}</dd>
        {client.homepageUrl ? (
          <>
            <dt>Homepage</dt>
            <dd>
              <a href={client.homepageUrl} rel="noopener noreferrer" target="_blank">
                {client.homepageUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt>Signed in as</dt>
        <dd>{who.label}</dd>
        <dt>Account</dt>
        <dd>{who.account}</dd>
        <dt>Redirects to</dt>
        <dd>{redirectHost}</dd>
      </dl>
    </section>
  );
}
