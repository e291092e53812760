import { createHash } from "node:crypto";
import { constantTimeEqual } from "@/lib/crypto/tokens";
import { invalidGrant } from "./oauth-error";

/** RFC 7636 §4.1: 43–128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isValidCodeVerifier(verifier: string): boolean {
  return VERIFIER.test(verifier);
}

/** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256Challenge(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

/**
 * RFC 7636 §4.6: a code bound to a challenge needs the matching verifier. Every client uses PKCE
 * (OAuth 2.1 §4.1.1): a code without a challenge (issued before the authorization endpoint required
 * one) is refused, with or without a verifier (a verifier alone is a downgrade, RFC 9700 §2.1.1).
 */
export function checkPkce(codeChallenge: string | null, verifier: string | undefined): void {
  if (codeChallenge === null)
    throw invalidGrant("PKCE is required, but the authorization request had no code_challenge.");
  if (verifier === undefined) throw invalidGrant("code_verifier is required.");
  if (!isValidCodeVerifier(verifier)) throw invalidGrant("code_verifier is malformed.");
  if (!constantTimeEqual(s256Challenge(verifier), codeChallenge))
    throw invalidGrant("code_verifier does not match the code_challenge.");
}
