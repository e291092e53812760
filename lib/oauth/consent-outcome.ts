import type { Db, Tx } from "@/db/client";
import { getApprovalStateOf, type ApprovalState } from "@/lib/apps/approval-state";
import type { Installation } from "@/lib/apps/install-app";
import { isAdministrator } from "@/lib/ram/admin";
import { listAdministrators } from "@/lib/ram/list-administrators";
import type { Principal } from "@/lib/ram/principal";
import type { ClientRecord } from "@/lib/apps/clients";
import type { PersonalConsent } from "@/lib/apps/official-access";
import { getInstallation } from "./installation-lookup";
import type { ScopeOffer } from "./consent-scopes";
import { isRegisteredRedirectUri } from "./match-redirect-uri";
import { officialOutcome } from "./personal-consent-outcome";
import { refuse, type Refusal, type RefuseReason } from "./refusal";

export type { Refusal, RefuseReason } from "./refusal";

export type InstallationRef = Pick<Installation, "id" | "scopes">;

/**
 * What happens for this person with this application, decided in one place for the authorization
 * endpoint, the consent page and the decision endpoint (which re-runs it inside its transaction,
 * with the client row locked).
 */
export type ConsentOutcome =
  /** The person's own account's application: no consent; the caller makes sure it is installed, then issues a code. */
  | { kind: "own-app" }
  /**
   * Installed (and, for an official application, assigned and personally consented): a code at
   * once. For an official application `installation.scopes` is already cut to the person's choice.
   */
  | { kind: "issue-code"; installation: InstallationRef }
  /** Not installed and the person is an administrator: the consent screen whose Grant installs it (rule 1, 3). */
  | { kind: "install-consent" }
  /**
   * An official application the person is assigned to: a personal consent for their own identity
   * (rule 8), offering what the installation granted; `consent` is what they chose before, if anything.
   */
  | { kind: "personal-consent"; installation: InstallationRef; offer: ScopeOffer; consent: PersonalConsent | null }
  /**
   * Not installed and the person cannot install it: who can, and what became of the person's own
   * request for approval, when they made one (issue 16, item 2). `installed`: the consent request
   * was made before an administrator installed the application (approving it, or granting it).
   */
  | { kind: "ask-admin"; admins: string[]; approval?: ApprovalState; installed?: true }
  | Refusal;

/** A consent request already shown to the person: its kind decides which screen it answers. */
export type PendingConsent = {
  kind: "install" | "personal";
  applicationId: string;
  request: { redirectUri: string; scope?: string };
};

type StaleReason = "app-gone" | "not-third-party" | "redirect-uri-gone";
const STALE: ReadonlySet<RefuseReason> = new Set<StaleReason>(["app-gone", "not-third-party", "redirect-uri-gone"]);

/** A refusal after which the pending request cannot even be cancelled back to the application. */
export function isStale(outcome: ConsentOutcome): outcome is Refusal & { reason: StaleReason } {
  return outcome.kind === "refuse" && STALE.has(outcome.reason);
}

/** Who can install the application, and the person's own request for approval (an approval without the installation it made is over). */
async function askAdmin(db: Db | Tx, principal: Principal, applicationId: string, installed: boolean) {
  const [admins, approval] = await Promise.all([
    listAdministrators(db, principal.accountId),
    getApprovalStateOf(db, { accountId: principal.accountId, applicationId, subject: principal.subject }),
  ]);
  const outcome: Extract<ConsentOutcome, { kind: "ask-admin" }> = { kind: "ask-admin", admins };
  if (approval && (approval.status !== "approved" || installed)) outcome.approval = approval;
  if (installed) outcome.installed = true;
  return outcome;
}

/**
 * Decides the outcome. `client` is read fresh by the caller (null: no such client_id any more);
 * `pending` is the consent request being shown or answered, absent on the authorization endpoint,
 * which gives the `requested` scope instead (space-separated; absent: all the installation grants).
 */
export async function decideConsent(
  db: Db | Tx,
  opts: { client: ClientRecord | null; principal: Principal; pending?: PendingConsent; requested?: string },
): Promise<ConsentOutcome> {
  const { client, principal, pending } = opts;
  // The application was deleted, or replaced by a new one with the same client_id.
  if (!client || (pending && client.id !== pending.applicationId)) {
    return refuse("app-gone", 404, "invalid_request", "appGone");
  }
  if (pending && !client.thirdParty) return refuse("not-third-party", 403, "access_denied", "noLongerThirdParty");
  // RFC 6749 §3.1.2.3: a redirect URI no longer registered gets nothing sent to it.
  if (pending && !isRegisteredRedirectUri(client, pending.request.redirectUri))
    return refuse("redirect-uri-gone", 400, "invalid_request", "redirectUriGone");
  // An account's own (enterprise) application needs no consent: "users under this account can
  // access the application without authorization" (RAM).
  if (!pending && client.accountId === principal.accountId) return { kind: "own-app" };
  if (!client.thirdParty) return refuse("not-third-party", 403, "access_denied", "notThirdParty");

  const installation = await getInstallation(db, principal.accountId, client.id);
  // An MCP host acts only through the OpenAPI MCP Server the account provisioned (lib/apps/mcp-clients.ts).
  if (client.mcpClient && !installation) return refuse("not-installed", 403, "access_denied", "mcpNotProvisioned");
  const kind = pending?.kind ?? (!installation ? "install" : client.official ? "personal" : "installed");
  if (kind === "install") {
    if (await isAdministrator(db, principal)) return { kind: "install-consent" };
    return askAdmin(db, principal, client.id, installation !== null);
  }
  if (!installation) return refuse("not-installed", 404, "invalid_request", "notInstalled");
  if (kind === "installed") return { kind: "issue-code", installation };
  return officialOutcome(db, {
    client,
    principal,
    installation,
    pending: Boolean(pending),
    requested: pending ? pending.request.scope : opts.requested,
  });
}
