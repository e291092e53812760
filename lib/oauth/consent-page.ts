import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";
import { describeScope } from "@/lib/apps/scope-catalog";
import { principalFromRequest } from "@/lib/auth/request-session";
import { toResponse } from "@/lib/http/error-response";
import { isAdministrator } from "@/lib/ram/admin";
import { listAdministrators } from "@/lib/ram/list-administrators";
import { actorLabel } from "@/lib/ram/principal";
import { getClient } from "./clients";
import { consentClientProblem } from "./consent-client";
import { consentCsrfToken, getPendingConsentRequest, isConsentRequestId } from "./consent-requests";
import { offeredScopes } from "./consent-scopes";
import { appCard, consentDocument, decisionForm, notice, scopeList } from "./consent-view";
import { escapeHtml as e, redirect } from "./html";
import { getInstallation } from "./installation-lookup";
import { isAssigned } from "./official-access";

const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  // No script can run on this page at all; no form-action: Grant redirects on to the application.
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; base-uri 'none'; frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
};

function page(title: string, body: string, status = 200): Response {
  return new Response(consentDocument(title, body), { status, headers: HEADERS });
}

/**
 * GET /oauth2/consent/{requestId}: the consent screen (rules 1–4 of the design), server-rendered.
 * Administrators see Grant / Cancel; other people see who can authorize the application; for an
 * official application, an assigned person sees a personal consent and an unassigned one a refusal.
 */
export async function consentPageEndpoint(request: Request): Promise<Response> {
  const url = new URL(request.url);
  // The id is base64url: a segment with a %-sequence (malformed or not) is no request of ours.
  const requestId = url.pathname.split("/").pop() ?? "";
  if (!isConsentRequestId(requestId)) {
    return page("This authorization request does not exist", notice("Go back to the application and start again."), 404);
  }
  try {
    const principal = await principalFromRequest(request);
    if (!principal) return redirect(`/signin?callbackUrl=${encodeURIComponent(url.pathname)}`);
    const db = await getDb();
    const pending = await getPendingConsentRequest(db, requestId, principal.sessionId);
    if (!pending) {
      return page(
        "This authorization request is no longer valid",
        notice("It was already answered, it expired, or it belongs to another sign-in. Go back to the application and start again."),
        410,
      );
    }
    // Read fresh: an application deleted or changed since the request was made is not shown.
    const client = await getClient(pending.request.clientId);
    const problem = consentClientProblem(client, pending);
    if (problem || !client) return page("This authorization request is no longer valid", notice(e(problem!.description), "warn"), 410);
    const [provider] = await db.select({ alias: accounts.alias }).from(accounts).where(eq(accounts.id, client.accountId));
    const csrf = consentCsrfToken(principal.sessionId, pending.id);
    const card = appCard({
      client,
      provider: provider?.alias ?? "unknown",
      who: { label: actorLabel(principal), account: `${principal.accountAlias} (${principal.accountUid})` },
      redirectHost: new URL(pending.request.redirectUri).host,
    });
    const form = (inner?: string) => decisionForm({ requestId: pending.id, csrf, appName: client.name, backOnly: inner === undefined, inner });
    const name = e(client.name);
    const account = e(principal.accountAlias);

    if (pending.kind === "install") {
      if (!(await isAdministrator(db, principal))) {
        const admins = await listAdministrators(db, principal.accountId);
        return page(
          `Ask an administrator to authorize ${client.name}`,
          card +
            notice(
              `<p style="margin:0 0 8px">${name} is not installed in the account ${account}. Only the Alibaba Cloud account or a RAM administrator (a RAM user with AliyunRAMFullAccess) can authorize and install it.</p>` +
                `<p style="margin:0">Administrators of this account:</p><ul aria-label="Administrators">${admins.map((a) => `<li>${e(a)}</li>`).join("")}</ul>`,
              "warn",
            ) +
            form(),
        );
      }
      const { required, optional } = offeredScopes(client, pending.request.scope);
      return page(
        `Authorize ${client.name}`,
        card +
          form(
            scopeList("required", required.map(describeScope)) +
              (optional.length ? scopeList("optional", optional.map(describeScope)) : "") +
              notice(
                `After you grant, the application is installed for the account ${account}: every RAM user of this account can use it without authorizing it again. It can read the identity and permission information of the people who use it.`,
              ),
          ),
      );
    }

    const installation = await getInstallation(db, principal.accountId, client.id);
    if (!installation || !(await isAssigned(db, installation.id, principal))) {
      return page(
        `You can not use ${client.name}`,
        card +
          notice(
            `You are not assigned to ${name} in the account ${account}. Ask an administrator of this account to assign you (or a group you belong to) to the application.`,
            "warn",
          ) +
          form(),
      );
    }
    return page(
      `Authorize ${client.name} for yourself`,
      card +
        form(
          scopeList("personal", installation.scopes.map(describeScope)) +
            notice("Your administrator provisioned this official application for the account. Grant it access to your own identity and permission information; you will not be asked again."),
        ),
    );
  } catch (error) {
    return toResponse(error, "page");
  }
}
