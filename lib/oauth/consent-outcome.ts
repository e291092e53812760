import type { Db, Tx } from "@/db/client";
import type { Installation } from "@/lib/apps/install-app";
import { isAdministrator } from "@/lib/ram/admin";
import { listAdministrators } from "@/lib/ram/list-administrators";
import type { Principal } from "@/lib/ram/principal";
import type { ClientRecord } from "@/lib/apps/clients";
import { getInstallation } from "./installation-lookup";
import { checkOfficialAccess } from "@/lib/apps/official-access";
import { isRegisteredRedirectUri } from "./match-redirect-uri";

type InstallationRef = Pick<Installation, "id" | "scopes">;

/** Why nothing can be granted. The first three make a pending request stale: nothing may be sent back to the app. */
export type RefuseReason = "app-gone" | "not-third-party" | "redirect-uri-gone" | "not-installed" | "unassigned";

/**
 * What happens for this person with this application, decided in one place for the authorization
 * endpoint, the consent page and the decision endpoint (which re-runs it inside its transaction,
 * with the client row locked).
 */
export type ConsentOutcome =
  /** The person's own account's application: no consent; the caller makes sure it is installed, then issues a code. */
  | { kind: "own-app" }
  /** Installed (and, for an official application, assigned and personally consented): a code at once. */
  | { kind: "issue-code"; installation: InstallationRef }
  /** Not installed and the person is an administrator: the consent screen whose Grant installs it (rule 1, 3). */
  | { kind: "install-consent" }
  /** An official application the person is assigned to: a personal consent for their own identity (rule 8). */
  | { kind: "personal-consent"; installation: InstallationRef }
  /** Not installed and the person can not install it: who can. */
  | { kind: "ask-admin"; admins: string[] }
  | { kind: "refuse"; reason: RefuseReason; status: 400 | 403 | 404; error: string; description: string };

/** A consent request already shown to the person: its kind decides which screen it answers. */
export type PendingConsent = { kind: "install" | "personal"; applicationId: string; request: { redirectUri: string } };

const MCP_NOT_PROVISIONED =
  "OpenAPI MCP Server is not provisioned in this account. Ask an administrator to provision it and assign you.";

const STALE: ReadonlySet<RefuseReason> = new Set(["app-gone", "not-third-party", "redirect-uri-gone"]);

/** A refusal after which the pending request can not even be cancelled back to the application. */
export function isStale(outcome: ConsentOutcome): outcome is Extract<ConsentOutcome, { kind: "refuse" }> {
  return outcome.kind === "refuse" && STALE.has(outcome.reason);
}

function refuse(reason: RefuseReason, status: 400 | 403 | 404, error: string, description: string): ConsentOutcome {
  return { kind: "refuse", reason, status, error, description };
}

/**
 * Decides the outcome. `client` is read fresh by the caller (null: no such client_id any more);
 * `pending` is the consent request being shown or answered, absent on the authorization endpoint.
 */
export async function decideConsent(
  db: Db | Tx,
  opts: { client: ClientRecord | null; principal: Principal; pending?: PendingConsent },
): Promise<ConsentOutcome> {
  const { client, principal, pending } = opts;
  // The application was deleted, or replaced by a new one with the same client_id.
  if (!client || (pending && client.id !== pending.applicationId)) {
    return refuse(
      "app-gone",
      404,
      "invalid_request",
      "This application no longer exists. Go back to the application and start again.",
    );
  }
  if (pending && !client.thirdParty)
    return refuse(
      "not-third-party",
      403,
      "access_denied",
      "This application is no longer available to other accounts.",
    );
  // RFC 6749 §3.1.2.3: a redirect URI no longer registered gets nothing sent to it.
  if (pending && !isRegisteredRedirectUri(client, pending.request.redirectUri)) {
    return refuse(
      "redirect-uri-gone",
      400,
      "invalid_request",
      "The application no longer accepts this redirect URI. Go back to the application and start again.",
    );
  }
  // An account's own (enterprise) application needs no consent: "users under this account can
  // access the application without authorization" (RAM).
  if (!pending && client.accountId === principal.accountId) return { kind: "own-app" };
  if (!client.thirdParty)
    return refuse("not-third-party", 403, "access_denied", "This application is not available to other accounts.");

  const installation = await getInstallation(db, principal.accountId, client.id);
  // An MCP host acts only through the OpenAPI MCP Server the account provisioned (lib/apps/mcp-clients.ts).
  if (client.mcpClient && !installation) return refuse("not-installed", 403, "access_denied", MCP_NOT_PROVISIONED);
  const kind = pending?.kind ?? (!installation ? "install" : client.official ? "personal" : "installed");
  if (kind === "install") {
    if (await isAdministrator(db, principal)) return { kind: "install-consent" };
    return { kind: "ask-admin", admins: await listAdministrators(db, principal.accountId) };
  }
  if (!installation)
    return refuse("not-installed", 404, "invalid_request", "The application is no longer installed in this account.");
  if (kind === "installed") return { kind: "issue-code", installation };
  // Official applications: only assigned people, each after a personal consent (the seed).
  const access = await checkOfficialAccess(db, { installationId: installation.id, principal });
  if (access === "unassigned")
    return refuse(
      "unassigned",
      403,
      "access_denied",
      "You are not assigned to this application. Ask an administrator to assign you.",
    );
  // MCP hosts register themselves: each authorization names the host and asks the person again.
  if (access === "ok" && !pending && !client.mcpClient) return { kind: "issue-code", installation };
  return { kind: "personal-consent", installation };
}
