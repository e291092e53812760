import { createHash } from "node:crypto";
import { SignJWT } from "jose";
import { getEnv } from "@/lib/env";
import type { Principal } from "@/lib/ram/principal";
import { identityClaims } from "./claims";
import { getSigningKey, ID_TOKEN_TTL_SECONDS } from "./keys";

export type IdTokenInput = {
  principal: Principal;
  clientId: string;
  /** the granted scope (space-separated) */
  scope: string;
  authTime: Date;
  nonce?: string | null;
  /** when given, at_hash binds the ID token to it (OIDC Core §3.1.3.6) */
  accessToken?: string;
  /** the active kid, when the caller read it (keys.ts activeKidSql) in the statement that found the grant */
  kid?: string | null;
};

/** OIDC Core §3.3.2.11: the left half of SHA-256 of the access token, base64url. */
export function atHash(accessToken: string): string {
  return createHash("sha256").update(accessToken, "ascii").digest().subarray(0, 16).toString("base64url");
}

/** Signs an ID token (RS256, kid of the active key) with the identity claims of the granted scope. */
export async function signIdToken(input: IdTokenInput): Promise<string> {
  const key = await getSigningKey(input.kid);
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    ...identityClaims(input.principal, input.scope),
    auth_time: Math.floor(input.authTime.getTime() / 1000),
  };
  if (input.nonce) claims.nonce = input.nonce;
  if (input.accessToken) claims.at_hash = atHash(input.accessToken);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
    .setIssuer(getEnv().issuer)
    .setSubject(input.principal.subject)
    .setAudience(input.clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + ID_TOKEN_TTL_SECONDS)
    .sign(key.key);
}
