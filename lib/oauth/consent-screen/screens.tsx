import { describeScope } from "@/lib/apps/scope-catalog";
import { AppCard, type AppCardData } from "./app-card";
import { ConsentNotice } from "./consent-notice";
import { DecisionForm } from "./decision-form";
import { Notice, ProtocolDocument } from "./document";
import { McpClientNotice, type McpClientData } from "./mcp-client-notice";
import { ScopeList } from "./scope-list";

/** The items of a consent screen: required (locked) and optional (switches, off unless already chosen). */
type Offer = { required: string[]; optional: string[] };

function OfferedScopes({ required, optional }: Offer) {
  return (
    <>
      <ScopeList kind="required" items={required.map(describeScope)} />
      {optional.length ? <ScopeList kind="optional" items={optional.map(describeScope)} /> : null}
    </>
  );
}

/** What every screen of one pending request shows: the application card and the form's hidden fields. */
export type ScreenData = AppCardData & { requestId: string; csrf: string; accountAlias: string; mcp?: McpClientData };

function Screen({ title, data, children }: { title: string; data: ScreenData; children: React.ReactNode }) {
  return (
    <ProtocolDocument title={`${title} · RAM console`} heading={title}>
      <AppCard {...data} />
      {data.mcp ? <McpClientNotice mcp={data.mcp} redirectHost={data.redirectHost} /> : null}
      {children}
    </ProtocolDocument>
  );
}

const formOf = (d: ScreenData) => ({ requestId: d.requestId, csrf: d.csrf, appName: d.client.name });

/** An administrator installs the application for the account (rules 1–3 of the design). */
export function InstallConsentScreen({ data, ...offer }: { data: ScreenData } & Offer) {
  return (
    <Screen title={`Authorize ${data.client.name}`} data={data}>
      <DecisionForm {...formOf(data)}>
        <OfferedScopes {...offer} />
        <ConsentNotice
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
  return (
    <Screen title={`Ask an administrator to authorize ${data.client.name}`} data={data}>
      <Notice tone="warn">
        <p>
          {data.client.name} is not installed in the account {data.accountAlias}. Only the Alibaba Cloud account or a
          RAM administrator (a RAM user with AliyunRAMFullAccess) can authorize and install it.
        </p>
        <p>Administrators of this account:</p>
        <ul aria-label="Administrators">
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
    <Screen title={`Authorize ${data.client.name} for yourself`} data={data}>
      <DecisionForm {...formOf(data)}>
        <OfferedScopes {...offer} />
        <ConsentNotice
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
  const { name, clientId } = data.client;
  return (
    <Screen title={`You cannot use ${name}`} data={data}>
      <Notice tone="warn">
        {selfAssign ? (
          <>
            <p>
              You are not assigned to {name} in the account {data.accountAlias}. As an administrator, you can assign
              yourself: open the application in the RAM console, choose Create Assignment, then start again from {name}.
            </p>
            <p>
              <a href={`/integrations/oauth/third-party-apps/${encodeURIComponent(clientId)}`}>
                Assign yourself to {name}
              </a>
            </p>
          </>
        ) : (
          <p>
            You are not assigned to {name} in the account {data.accountAlias}. Ask an administrator of this account to
            assign you (or a group you belong to) to the application.
          </p>
        )}
      </Notice>
      <DecisionForm {...formOf(data)} />
    </Screen>
  );
}

/** An error that cannot be sent back to the application (RFC 6749 §4.1.2.1). */
export function ErrorScreen({ error, description }: { error: string; description: string }) {
  return (
    <ProtocolDocument title="Authorization error" heading="The application's sign-in request cannot be completed">
      <div className="error">
        <p>{description}</p>
        <p>
          Error: <code>{error}</code>
        </p>
        <p>
          Contact the application&apos;s provider if this keeps happening.{" "}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- static HTML outside Next.js: lib/oauth imports no Next.js */}
          <a href="/">Go to the RAM console</a>
        </p>
      </div>
    </ProtocolDocument>
  );
}
