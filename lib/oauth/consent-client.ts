import type { ClientRecord } from "@/lib/apps/clients";
import { isRegisteredRedirectUri } from "./redirect-uri";

export type ConsentClientProblem = { status: 400 | 403 | 404; error: string; description: string };

/**
 * Why a pending consent request can no longer be answered for this client (read fresh), or null:
 * the application was deleted (or replaced by a new one with the same client_id), is no longer
 * offered to other accounts, or no longer registers the redirect URI (RFC 6749 §3.1.2.3: then
 * nothing may be sent to it).
 */
export function consentClientProblem(client: ClientRecord | null, pending: { appId: string; request: { redirectUri: string } }): ConsentClientProblem | null {
  if (!client || client.id !== pending.appId) {
    return { status: 404, error: "invalid_request", description: "This application no longer exists. Go back to the application and start again." };
  }
  if (!client.thirdParty) return { status: 403, error: "access_denied", description: "This application is no longer available to other accounts." };
  if (!isRegisteredRedirectUri(client, pending.request.redirectUri)) {
    return { status: 400, error: "invalid_request", description: "The application no longer accepts this redirect URI. Go back to the application and start again." };
  }
  return null;
}
