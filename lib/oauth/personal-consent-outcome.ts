import type { Db, Tx } from "@/db/client";
import type { ClientRecord } from "@/lib/apps/clients";
import { checkOfficialAccess } from "@/lib/apps/official-access";
import { isAdministrator } from "@/lib/ram/admin";
import type { Principal } from "@/lib/ram/principal";
import type { ConsentOutcome, InstallationRef } from "./consent-outcome";
import { refuse } from "./refusal";
import { consentedScopes, needsPersonalConsent, personalOffer } from "./personal-scopes";

/**
 * Official applications (rule 8): only assigned people, each after a personal consent (the seed);
 * the code then carries what the person chose, as far as the installation still grants it. An
 * unassigned administrator is told to assign themselves, everyone else to ask an administrator.
 */
export async function officialOutcome(
  db: Db | Tx,
  opts: {
    client: ClientRecord;
    principal: Principal;
    installation: InstallationRef;
    /** Answering a consent request already shown: always its personal consent screen. */
    pending: boolean;
    requested: string | undefined;
  },
): Promise<ConsentOutcome> {
  const { installation, principal } = opts;
  const access = await checkOfficialAccess(db, { installationId: installation.id, principal });
  if (!access.assigned) {
    const selfAssign = await isAdministrator(db, principal);
    return {
      ...refuse("unassigned", 403, "access_denied", selfAssign ? "unassignedAdmin" : "unassigned"),
      selfAssign,
    };
  }
  const offer = personalOffer(opts.client, installation.scopes, opts.requested, access.consent);
  // An MCP host registers itself: each of its authorizations names the host and asks the person again.
  const silent = !opts.pending && !opts.client.mcpClient;
  if (silent && access.consent && !needsPersonalConsent(offer, access.consent, installation.scopes)) {
    return {
      kind: "issue-code",
      installation: { id: installation.id, scopes: consentedScopes(access.consent, installation.scopes) },
    };
  }
  return { kind: "personal-consent", installation, offer, consent: access.consent };
}
