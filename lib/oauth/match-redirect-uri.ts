import type { ClientRecord } from "@/lib/apps/clients";

/**
 * RFC 6749 §3.1.2.3 + RFC 9700 §2.1: the redirect URI must equal a registered one exactly,
 * as a string (no normalisation of case, trailing slash, port or encoding).
 */
export function isRegisteredRedirectUri(client: Pick<ClientRecord, "redirectUris">, candidate: string): boolean {
  return client.redirectUris.includes(candidate);
}

/** Adds response parameters to the registered redirect URI, keeping its own query (RFC 6749 §3.1.2). */
export function buildRedirect(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.append(k, v);
  return url.toString();
}
