import { eq } from "drizzle-orm";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";
import { describeScope } from "@/lib/apps/scope-catalog";
import { requirePrincipal } from "@/lib/auth/current";
import { isAdministrator } from "@/lib/ram/admin";
import { listAdministrators } from "@/lib/ram/list-administrators";
import { actorLabel } from "@/lib/ram/principal";
import { getClient } from "@/lib/oauth/clients";
import { consentCsrfToken, getPendingConsentRequest } from "@/lib/oauth/consent-requests";
import { offeredScopes } from "@/lib/oauth/consent-scopes";
import { getInstallation } from "@/lib/oauth/installation-lookup";
import { isAssigned } from "@/lib/oauth/official-access";
import { AppCard, ConsentShell, DecisionForm, Notice, ScopeList } from "./consent-parts";

export const metadata: Metadata = { title: "Authorize application", robots: { index: false } };

/**
 * The consent screen (rules 1–4 of the design), server-rendered: it works as a plain form post
 * without JavaScript. Administrators see Grant / Cancel; others see who can authorize the app.
 */
export default async function ConsentPage({ params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  const principal = await requirePrincipal();
  const db = await getDb();
  const pending = await getPendingConsentRequest(db, requestId, principal.sessionId);
  const client = pending ? await getClient(pending.request.clientId) : null;
  if (!pending || !client) {
    return (
      <ConsentShell title="This authorization request is no longer valid">
        <Notice>It was already answered, it expired, or it belongs to another sign-in. Go back to the application and start again.</Notice>
      </ConsentShell>
    );
  }
  const [provider] = await db.select({ alias: accounts.alias }).from(accounts).where(eq(accounts.id, client.accountId));
  const csrf = consentCsrfToken(principal.sessionId, pending.id);
  const who = { label: actorLabel(principal), account: `${principal.accountAlias} (${principal.accountUid})` };
  const redirectHost = new URL(pending.request.redirectUri).host;
  const card = <AppCard client={client} provider={provider?.alias ?? "unknown"} who={who} redirectHost={redirectHost} />;
  const { required, optional } = offeredScopes(client, pending.request.scope);

  if (pending.kind === "install") {
    if (!(await isAdministrator(db, principal))) {
      const admins = await listAdministrators(db, principal.accountId);
      return (
        <ConsentShell title={`Ask an administrator to authorize ${client.name}`}>
          {card}
          <Notice tone="warning">
            <p className="mb-2">
              {client.name} is not installed in the account {principal.accountAlias}. Only the Alibaba Cloud account or a RAM administrator (a RAM user with AliyunRAMFullAccess) can authorize and install it.
            </p>
            <p className="mb-1">Administrators of this account:</p>
            <ul className="list-disc pl-5" aria-label="Administrators">
              {admins.map((a) => <li key={a}>{a}</li>)}
            </ul>
          </Notice>
          <DecisionForm requestId={pending.id} csrf={csrf} backOnly appName={client.name} />
        </ConsentShell>
      );
    }
    return (
      <ConsentShell title={`Authorize ${client.name}`}>
        {card}
        <DecisionForm requestId={pending.id} csrf={csrf} appName={client.name}>
          <ScopeList kind="required" items={required.map(describeScope)} />
          {optional.length ? <ScopeList kind="optional" items={optional.map(describeScope)} /> : null}
          <Notice>
            After you grant, the application is installed for the account {principal.accountAlias}: every RAM user of this account can use it without authorizing it again. It can read the identity and permission information of the people who use it.
          </Notice>
        </DecisionForm>
      </ConsentShell>
    );
  }

  const installation = await getInstallation(db, principal.accountId, client.id);
  if (!installation || !(await isAssigned(db, installation.id, principal))) {
    return (
      <ConsentShell title={`You can not use ${client.name}`}>
        {card}
        <Notice tone="warning">
          You are not assigned to {client.name} in the account {principal.accountAlias}. Ask an administrator of this account to assign you (or a group you belong to) to the application.
        </Notice>
        <DecisionForm requestId={pending.id} csrf={csrf} backOnly appName={client.name} />
      </ConsentShell>
    );
  }
  const granted = new Set(installation.scopes);
  return (
    <ConsentShell title={`Authorize ${client.name} for yourself`}>
      {card}
      <DecisionForm requestId={pending.id} csrf={csrf} appName={client.name}>
        <ScopeList kind="personal" items={installation.scopes.filter((s) => granted.has(s)).map(describeScope)} />
        <Notice>Your administrator provisioned this official application for the account. Grant it access to your own identity and permission information; you will not be asked again.</Notice>
      </DecisionForm>
    </ConsentShell>
  );
}
