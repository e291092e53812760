import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";
import { principalFromRequest } from "@/lib/auth/request-session";
import { actorLabel } from "@/lib/ram/principal";
import { getClient } from "@/lib/apps/clients";
import { decideConsent, isStale } from "./consent-outcome";
import { consentCsrfToken, getPendingConsentRequest, isConsentRequestId } from "./consent-requests";
import { offeredScopes } from "./consent-scopes";
import { pageResponse as page } from "./consent-screen/render";
import { GoneScreen } from "./consent-screen/dead-ends";
import { localeOfRequest } from "@/lib/i18n/translator";
import { AskAdminWithApproval } from "./consent-screen/approval-request";
import { approvalsTranslator } from "./consent-screen/approvals-translator";
import {
  InstallConsentScreen,
  NotAssignedScreen,
  PersonalConsentScreen,
  type ScreenData,
} from "./consent-screen/screens";
import { toResponse } from "@/lib/oauth/error-response";
import { redirect } from "./html";
import { authorizeUrlOf, signInAndContinueUrl, wayBackOf, wayBackTo } from "./resume-request";

const NO_LONGER_VALID = "This authorization request is no longer valid";

/**
 * GET /oauth2/consent/{requestId}: the consent screen (rules 1–4 of the design), server-rendered
 * from React components (consent-screen/). What it shows is the consent decision
 * (consent-outcome.ts): administrators see Grant / Cancel; other people see who can authorize the
 * application; for an official application, an assigned person sees a personal consent and an
 * unassigned one a refusal.
 */
export async function consentPageEndpoint(request: Request): Promise<Response> {
  const url = new URL(request.url);
  // The id is base64url: a segment with a %-sequence (malformed or not) is no request of ours.
  const requestId = url.pathname.split("/").pop() ?? "";
  if (!isConsentRequestId(requestId)) {
    return page(
      <GoneScreen
        title="This authorization request does not exist"
        message="Go back to the application and start again."
      />,
      404,
    );
  }
  try {
    const principal = await principalFromRequest(request);
    const db = await getDb();
    // A consent request is bound to its session: after sign-in, the authorization request starts again.
    if (!principal) return redirect(await signInAndContinueUrl(db, requestId));
    const pending = await getPendingConsentRequest(db, requestId, principal.sessionId);
    if (!pending) {
      const message =
        "It was already answered, it expired, or it belongs to another sign-in. Go back to the application and start again.";
      return page(<GoneScreen title={NO_LONGER_VALID} message={message} back={await wayBackTo(db, requestId)} />, 410);
    }
    // Read fresh: an application deleted or changed since the request was made is not shown.
    const client = await getClient(pending.request.clientId);
    const outcome = await decideConsent(db, { client, principal, pending });
    if (isStale(outcome) || !client) {
      return page(
        <GoneScreen
          title={NO_LONGER_VALID}
          message={outcome.kind === "refuse" ? outcome.description : ""}
          tone="warn"
          back={wayBackOf(client)}
        />,
        410,
      );
    }
    const [provider] = await db
      .select({ alias: accounts.alias })
      .from(accounts)
      .where(eq(accounts.id, client.accountId));
    const data: ScreenData = {
      client,
      provider: provider?.alias ?? "unknown",
      who: { label: actorLabel(principal), account: `${principal.accountAlias} (${principal.accountUid})` },
      redirectHost: new URL(pending.request.redirectUri).host,
      requestId: pending.id,
      csrf: consentCsrfToken(principal.sessionId, pending.id),
      accountAlias: principal.accountAlias,
      mcp: client.mcpClient && {
        name: client.mcpClient.name,
        clientId: client.clientId,
        registration: client.mcpClient.kind === "dynamic" ? "dynamic registration" : "client ID metadata document",
        redirectUris: client.redirectUris,
      },
    };
    switch (outcome.kind) {
      case "ask-admin":
        return page(
          <AskAdminWithApproval
            data={data}
            outcome={outcome}
            continueHref={authorizeUrlOf(pending.request)}
            t={approvalsTranslator(localeOfRequest(request))}
          />,
        );
      case "install-consent":
        return page(<InstallConsentScreen data={data} {...offeredScopes(client, pending.request.scope)} />);
      case "personal-consent":
        return page(<PersonalConsentScreen data={data} {...outcome.offer} />);
      default:
        // Not assigned, or no longer installed in the account.
        return page(<NotAssignedScreen data={data} selfAssign={outcome.kind === "refuse" && !!outcome.selfAssign} />);
    }
  } catch (error) {
    return toResponse(error, "page");
  }
}
