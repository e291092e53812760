import { principalRef } from "@/lib/ram/principal";
import type { Db, Tx } from "@/db/client";
import { getEnv } from "@/lib/env";
import type { SessionPrincipal } from "@/lib/auth/console-session";
import type { Installation } from "@/lib/apps/install-app";
import { issueAuthorizationCode } from "./codes";
import type { StoredRequest } from "./consent-requests";
import { buildRedirect } from "./match-redirect-uri";

/**
 * Issues the code for an installed application and builds the redirect back to it, with `state`
 * and `iss` (RFC 9207 §2). The token carries the requested scopes the installation granted, never
 * more; an optional item the installation did not grant is simply left out.
 */
export async function issueCodeRedirect(
  db: Db | Tx,
  opts: {
    applicationId: string;
    installation: Pick<Installation, "id" | "scopes">;
    principal: SessionPrincipal;
    request: StoredRequest;
  },
): Promise<string> {
  const { request, installation } = opts;
  const granted = new Set(installation.scopes);
  const scope = request.scope
    .split(" ")
    .filter((s) => granted.has(s))
    .join(" ");
  const code = await issueAuthorizationCode(db, {
    applicationId: opts.applicationId,
    installationId: installation.id,
    person: principalRef(opts.principal),
    scope,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge ?? null,
    nonce: request.nonce ?? null,
    authTime: opts.principal.authTime,
    resource: request.resource,
    mcpClientId: request.mcpClientId,
  });
  return buildRedirect(request.redirectUri, { code, state: request.state, iss: getEnv().issuer });
}

export function errorRedirect(
  request: Pick<StoredRequest, "redirectUri" | "state">,
  error: string,
  description?: string,
): string {
  return buildRedirect(request.redirectUri, {
    error,
    error_description: description,
    state: request.state,
    iss: getEnv().issuer,
  });
}
