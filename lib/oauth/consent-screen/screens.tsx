import { describeScope } from "@/lib/apps/scope-catalog";
import { AppCard, type AppCardData } from "./app-card";
import { DecisionForm } from "./decision-form";
import { Notice, ProtocolDocument } from "./document";
import { McpClientNotice, type McpClientData } from "./mcp-client-notice";
import { ScopeList } from "./scope-list";

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
export function InstallConsentScreen({
  data,
  required,
  optional,
}: {
  data: ScreenData;
  required: string[];
  optional: string[];
}) {
  return (
    <Screen title={`Authorize ${data.client.name}`} data={data}>
      <DecisionForm {...formOf(data)}>
        <ScopeList kind="required" items={required.map(describeScope)} />
        {optional.length ? <ScopeList kind="optional" items={optional.map(describeScope)} /> : null}
        <Notice>
          After you grant, the application is installed for the account {data.accountAlias}: every RAM user of this
          account can use it without authorizing it again. It can read the identity and permission information of the
          people who use it.
        </Notice>
      </DecisionForm>
    </Screen>
  );
}

/** Someone who can not install the application: who can. */
export function AskAdminScreen({ data, admins }: { data: ScreenData; admins: string[] }) {
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
      <DecisionForm {...formOf(data)} />
    </Screen>
  );
}

/** An assigned person's own consent to an official application (rule 8). */
export function PersonalConsentScreen({ data, scopes }: { data: ScreenData; scopes: string[] }) {
  return (
    <Screen title={`Authorize ${data.client.name} for yourself`} data={data}>
      <DecisionForm {...formOf(data)}>
        <ScopeList kind="personal" items={scopes.map(describeScope)} />
        <Notice>
          Your administrator provisioned this official application for the account. Grant it access to your own identity
          and permission information; you will not be asked again.
        </Notice>
      </DecisionForm>
    </Screen>
  );
}

/** An official application the person is not assigned to. */
export function NotAssignedScreen({ data }: { data: ScreenData }) {
  return (
    <Screen title={`You can not use ${data.client.name}`} data={data}>
      <Notice tone="warn">
        You are not assigned to {data.client.name} in the account {data.accountAlias}. Ask an administrator of this
        account to assign you (or a group you belong to) to the application.
      </Notice>
      <DecisionForm {...formOf(data)} />
    </Screen>
  );
}

/** A request that can not be shown: unknown, answered, expired, or its application changed. */
export function GoneScreen({ title, message, tone }: { title: string; message: string; tone?: "info" | "warn" }) {
  return (
    <ProtocolDocument title={`${title} · RAM console`} heading={title}>
      <Notice tone={tone}>{message}</Notice>
    </ProtocolDocument>
  );
}

/** An error that can not be sent back to the application (RFC 6749 §4.1.2.1). */
export function ErrorScreen({ error, description }: { error: string; description: string }) {
  return (
    <ProtocolDocument title="Authorization error" heading="The application's sign-in request can not be completed">
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
