import type { Tx } from "@/db/client";
import type { ClientRecord } from "@/lib/apps/clients";
import { recordPersonalConsent } from "@/lib/apps/record-personal-consent";
import { AppError } from "@/lib/errors";
import type { SessionPrincipal } from "@/lib/auth/console-session";
import type { ConsentOutcome } from "./consent-outcome";
import { consumeConsentRequest, type StoredRequest } from "./consent-requests";
import { checkChosenScopes } from "./consent-scopes";
import { errorPage } from "./html";
import type { PageLocale } from "./consent-screen/page-language";
import { issueCodeRedirect } from "./issue-code-redirect";
import { mergeConsent } from "./personal-scopes";

/**
 * Grant on a personal consent, inside the decision's transaction: the choice is checked against
 * the offer decided in this same transaction (required items kept, nothing the installation did
 * not grant), then kept for the person, and the code carries exactly what they chose so far.
 * A refused choice writes nothing, not even the use of the request.
 */
export async function grantPersonalConsent(
  tx: Tx,
  opts: {
    client: ClientRecord;
    outcome: Extract<ConsentOutcome, { kind: "personal-consent" }>;
    principal: SessionPrincipal;
    pendingId: string;
    request: StoredRequest;
    submitted: string[];
    /** The language of the refusal page, and where its switch comes back to. */
    page: PageLocale;
  },
): Promise<string | Response> {
  const { client, outcome, principal } = opts;
  const choice = checkChosenScopes(outcome.offer, opts.submitted);
  if (!choice.ok) return errorPage(400, "invalid_scope", choice.message, {}, opts.page);
  if (!(await consumeConsentRequest(tx, opts.pendingId, principal.sessionId)))
    throw new AppError("conflict", "already answered");
  const kept = mergeConsent(outcome.consent, outcome.offer, choice.granted, outcome.installation.scopes);
  await recordPersonalConsent(tx, {
    actor: principal,
    installationId: outcome.installation.id,
    clientId: client.clientId,
    ...kept,
  });
  return issueCodeRedirect(tx, {
    applicationId: client.id,
    installation: { id: outcome.installation.id, scopes: kept.scopes },
    principal,
    request: opts.request,
  });
}
