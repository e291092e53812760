import { constantTimeEqual, sha256 } from "@/lib/crypto/tokens";
import { getClientWithSecrets, isPublicClient, type ClientRecord } from "@/lib/apps/clients";
import type { FormParams } from "./form-body";
import { invalidClient, invalidRequest } from "./oauth-error";

export type ClientAuthMethod = "client_secret_basic" | "client_secret_post" | "none";
export type AuthenticatedClient = { client: ClientRecord; method: ClientAuthMethod };

/** The parameters client authentication reads from a form body. */
export const CLIENT_AUTH_PARAMS = ["client_id", "client_secret"] as const;

type Credentials = { clientId: string; secret: string | null; method: ClientAuthMethod };

/**
 * Authenticates the client of a token, revocation or introspection request (RFC 6749 §2.3).
 * Confidential clients (WebApp, ServerApp) must prove a secret; `none` is only for public clients,
 * and only where `allowNone` (the token endpoint). One method per request (§2.3).
 */
export async function authenticateClient(
  request: Request,
  params: FormParams,
  allowNone: boolean,
): Promise<AuthenticatedClient> {
  const creds = readCredentials(request.headers.get("authorization"), params);
  const triedBasic = creds.method === "client_secret_basic";
  // The client and its current secrets, read in one statement on every request: a deleted secret
  // or application is refused at once by every process.
  const found = await getClientWithSecrets(creds.clientId);
  if (!found) throw invalidClient("Client authentication failed.", triedBasic);
  const { client } = found;
  if (isPublicClient(client)) {
    if (creds.method !== "none" || !allowNone)
      throw invalidClient("This client is public: it has no secret and cannot use this endpoint this way.", triedBasic);
    return { client, method: "none" };
  }
  if (creds.secret === null || !secretMatches(found.secretHashes, creds.secret)) {
    throw invalidClient("Client authentication failed.", triedBasic);
  }
  return { client, method: creds.method };
}

export function readCredentials(authorization: string | null, params: FormParams): Credentials {
  const bodyId = params.get("client_id");
  const bodySecret = params.get("client_secret");
  if (authorization && /^basic /i.test(authorization)) {
    if (bodySecret !== undefined)
      throw invalidRequest("Use one client authentication method, not both Basic and client_secret.");
    const basic = decodeBasic(authorization.slice(6).trim());
    if (!basic) throw invalidClient("The Authorization header is malformed.", true);
    if (bodyId !== undefined && bodyId !== basic.clientId)
      throw invalidRequest("client_id differs from the Authorization header.");
    return { ...basic, method: "client_secret_basic" };
  }
  if (!bodyId) throw invalidClient("Client authentication is missing.", false);
  if (bodySecret !== undefined) return { clientId: bodyId, secret: bodySecret, method: "client_secret_post" };
  return { clientId: bodyId, secret: null, method: "none" };
}

/** RFC 6749 §2.3.1: base64(urlencode(id) ":" urlencode(secret)). */
export function decodeBasic(value: string): { clientId: string; secret: string } | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
  const text = Buffer.from(value, "base64").toString("utf8");
  const colon = text.indexOf(":");
  if (colon < 0) return null;
  try {
    const clientId = formDecode(text.slice(0, colon));
    const secret = formDecode(text.slice(colon + 1));
    return clientId && secret ? { clientId, secret } : null;
  } catch {
    return null;
  }
}

function formDecode(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, " "));
}

/** Compares against every stored secret (at most two), in constant time each. */
function secretMatches(hashes: string[], secret: string): boolean {
  const presented = sha256(secret);
  let ok = false;
  for (const hash of hashes) ok = constantTimeEqual(presented, hash) || ok;
  return ok;
}
