import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accounts } from "@/db/schema";
import { principalFromRequest } from "@/lib/auth/request-session";
import { actorLabel } from "@/lib/ram/principal";
import { getClient } from "@/lib/apps/clients";
import { decideConsent, isStale } from "./consent-outcome";
import { consentCsrfToken, consentPagePath, getPendingConsentRequest, isConsentRequestId } from "./consent-requests";
import { offeredScopes } from "./consent-scopes";
import { pageResponse as page } from "./consent-screen/render";
import { GoneScreen } from "./consent-screen/dead-ends";
import { LANG_PARAM } from "@/lib/i18n/switch-target";
import { pageLocaleOf, protocolUi, type PageLocale } from "./consent-screen/page-language";
import { AskAdminWithApproval } from "./consent-screen/approval-request";
import {
  InstallConsentScreen,
  NotAssignedScreen,
  PersonalConsentScreen,
  type ScreenData,
} from "./consent-screen/screens";
import { toResponse } from "@/lib/oauth/error-response";
import { redirect } from "./html";
import { renderPageText } from "./page-text";
import { authorizeUrlOf, goneRequest, signInAndContinueUrl, wayBackOf } from "./resume-request";

/**
 * GET /oauth2/consent/{requestId}: the consent screen (rules 1–4 of the design), server-rendered
 * from React components (consent-screen/). What it shows is the consent decision
 * (consent-outcome.ts): administrators see Grant / Cancel; other people see who can authorize the
 * application; for an official application, an assigned person sees a personal consent and an
 * unassigned one a refusal.
 *
 * Its language: the page's own switch (`?lang=`), then the authorization request's ui_locales
 * (OIDC Core §3.1.2.1), then the switch's cookie, then Accept-Language, then English.
 */
export async function consentPageEndpoint(request: Request): Promise<Response> {
  const url = new URL(request.url);
  // The id is base64url: a segment with a %-sequence (malformed or not) is no request of ours.
  const requestId = url.pathname.split("/").pop() ?? "";
  const lang = url.searchParams.get(LANG_PARAM);
  if (!isConsentRequestId(requestId)) {
    const ui = protocolUi(pageLocaleOf(request, { lang, here: "/" }));
    return page(
      <GoneScreen ui={ui} title={ui.t("consent.gone.unknownTitle")} message={ui.t("consent.gone.unknownMessage")} />,
      404,
    );
  }
  // Until the request is read: the switch, the cookie, Accept-Language (shared with the error page below).
  const at: PageLocale = pageLocaleOf(request, { lang, here: consentPagePath(requestId) });
  try {
    const principal = await principalFromRequest(request);
    const db = await getDb();
    // A consent request is bound to its session: after sign-in, the authorization request starts again.
    if (!principal) return redirect(await signInAndContinueUrl(db, requestId));
    const pending = await getPendingConsentRequest(db, requestId, principal.sessionId);
    if (!pending) {
      const gone = await goneRequest(db, requestId);
      const ui = protocolUi(pageLocaleOf(request, { lang, uiLocales: gone.uiLocales, here: at.here }));
      const { t } = ui;
      return page(
        <GoneScreen
          ui={ui}
          title={t("consent.gone.invalidTitle")}
          message={t("consent.gone.invalidMessage")}
          back={gone.back}
        />,
        410,
      );
    }
    Object.assign(at, pageLocaleOf(request, { lang, uiLocales: pending.request.uiLocales, here: at.here }));
    const ui = protocolUi(at);
    // Read fresh: an application deleted or changed since the request was made is not shown.
    const client = await getClient(pending.request.clientId);
    const outcome = await decideConsent(db, { client, principal, pending });
    if (isStale(outcome) || !client) {
      return page(
        <GoneScreen
          ui={ui}
          title={ui.t("consent.gone.invalidTitle")}
          message={outcome.kind === "refuse" ? renderPageText(outcome.message, ui.locale) : ""}
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
      ui,
      client,
      provider: provider?.alias ?? null,
      who: { label: actorLabel(principal), account: `${principal.accountAlias} (${principal.accountUid})` },
      redirectHost: new URL(pending.request.redirectUri).host,
      requestId: pending.id,
      csrf: consentCsrfToken(principal.sessionId, pending.id),
      accountAlias: principal.accountAlias,
      mcp: client.mcpClient && {
        name: client.mcpClient.name,
        clientId: client.clientId,
        registration: client.mcpClient.kind === "dynamic" ? "dynamic" : "metadataDocument",
        redirectUris: client.redirectUris,
      },
    };
    switch (outcome.kind) {
      case "ask-admin":
        return page(
          <AskAdminWithApproval data={data} outcome={outcome} continueHref={authorizeUrlOf(pending.request)} />,
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
    return toResponse(error, "page", at);
  }
}
