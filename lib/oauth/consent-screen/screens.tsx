import { AppCard, type AppCardData } from "./app-card";
import { ConsentNotice } from "./consent-notice";
import { DecisionForm } from "./decision-form";
import { Notice, ProtocolDocument } from "./document";
import { McpClientNotice, type McpClientData } from "./mcp-client-notice";
import type { ProtocolUi } from "./page-language";
import { ScopeList, scopeIn } from "./scope-list";

/** The items of a consent screen: required (locked) and optional (switches, off unless already chosen). */
type Offer = { required: string[]; optional: string[] };

function OfferedScopes({ ui, required, optional }: Offer & { ui: ProtocolUi }) {
  const items = (scopes: string[]) => scopes.map((scope) => scopeIn(ui.t, scope));
  return (
    <>
      <ScopeList ui={ui} kind="required" items={items(required)} />
      {optional.length ? <ScopeList ui={ui} kind="optional" items={items(optional)} /> : null}
    </>
  );
}

/** What every screen of one pending request shows: the application card and the form's hidden fields. */
export type ScreenData = AppCardData & { requestId: string; csrf: string; accountAlias: string; mcp?: McpClientData };

function Screen({ title, data, children }: { title: string; data: ScreenData; children: React.ReactNode }) {
  return (
    <ProtocolDocument ui={data.ui} title={title} heading={title}>
      <AppCard {...data} />
      {data.mcp ? <McpClientNotice ui={data.ui} mcp={data.mcp} redirectHost={data.redirectHost} /> : null}
      {children}
    </ProtocolDocument>
  );
}

const formOf = (d: ScreenData) => ({ ui: d.ui, requestId: d.requestId, csrf: d.csrf, appName: d.client.name });

/** An administrator installs the application for the account (rules 1–3 of the design). */
export function InstallConsentScreen({ data, ...offer }: { data: ScreenData } & Offer) {
  return (
    <Screen title={data.ui.t("consent.install.title", { app: data.client.name })} data={data}>
      <DecisionForm {...formOf(data)}>
        <OfferedScopes ui={data.ui} {...offer} />
        <ConsentNotice
          ui={data.ui}
          kind="install"
          scopes={[...offer.required, ...offer.optional]}
          accountAlias={data.accountAlias}
        />
      </DecisionForm>
    </Screen>
  );
}

/** Someone who cannot install the application: who can; `children`: their request for approval (its form, or what became of it). */
export function AskAdminScreen({
  data,
  admins,
  children,
}: {
  data: ScreenData;
  admins: string[];
  children?: React.ReactNode;
}) {
  const { t } = data.ui;
  const app = data.client.name;
  return (
    <Screen title={t("consent.askAdmin.title", { app })} data={data}>
      <Notice tone="warn">
        <p>{t("consent.askAdmin.notInstalled", { app, account: data.accountAlias })}</p>
        <p>{t("consent.askAdmin.admins", { count: admins.length })}</p>
        <ul aria-label={t("consent.askAdmin.adminsLabel")}>
          {admins.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </Notice>
      {children}
      <DecisionForm {...formOf(data)} />
    </Screen>
  );
}

/**
 * An assigned person's own consent to an official application (rule 8): the same required and
 * optional split as the install consent, limited to what the installation granted.
 */
export function PersonalConsentScreen({ data, ...offer }: { data: ScreenData } & Offer) {
  return (
    <Screen title={data.ui.t("consent.personal.title", { app: data.client.name })} data={data}>
      <DecisionForm {...formOf(data)}>
        <OfferedScopes ui={data.ui} {...offer} />
        <ConsentNotice
          ui={data.ui}
          kind="personal"
          scopes={[...offer.required, ...offer.optional]}
          accountAlias={data.accountAlias}
        />
      </DecisionForm>
    </Screen>
  );
}

/**
 * An official application the person is not assigned to. An administrator can assign themselves
 * (the application's page in the console has Create Assignment); anyone else asks one.
 */
export function NotAssignedScreen({ data, selfAssign }: { data: ScreenData; selfAssign: boolean }) {
  const { t } = data.ui;
  const { name: app, clientId } = data.client;
  const names = { app, account: data.accountAlias };
  return (
    <Screen title={t("consent.notAssigned.title", { app })} data={data}>
      <Notice tone="warn">
        {selfAssign ? (
          <>
            <p>{t("consent.notAssigned.selfAssign", names)}</p>
            <p>
              <a href={`/integrations/oauth/third-party-apps/${encodeURIComponent(clientId)}`}>
                {t("consent.notAssigned.selfAssignLink", { app })}
              </a>
            </p>
          </>
        ) : (
          <p>{t("consent.notAssigned.askAdmin", names)}</p>
        )}
      </Notice>
      <DecisionForm {...formOf(data)} />
    </Screen>
  );
}

/** An error that cannot be sent back to the application (RFC 6749 §4.1.2.1); `description` is in the page's language. */
export function ErrorScreen({ ui, error, description }: { ui: ProtocolUi; error: string; description: string }) {
  const { t } = ui;
  return (
    <ProtocolDocument ui={ui} title={t("consent.errorPage.title")} heading={t("consent.errorPage.heading")}>
      <div className="error">
        <p>{description}</p>
        <p>{t.rich("consent.errorPage.code", { error, code: (chunks) => <code>{chunks}</code> })}</p>
        <p>
          {t.rich("consent.errorPage.contact", {
            // eslint-disable-next-line @next/next/no-html-link-for-pages -- static HTML outside Next.js: lib/oauth imports no Next.js
            console: (chunks) => <a href="/">{chunks}</a>,
          })}
        </p>
      </div>
    </ProtocolDocument>
  );
}
