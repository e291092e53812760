import type { Principal } from "@/lib/ram/principal";
import { parseScope } from "./scope";

/**
 * Identity claims, shared by the ID token and userinfo. Names follow RAM's own OIDC documentation:
 * `aliuid` gives `aid` (the account UID) and `uid` (the RAM user's ID; the account UID for the
 * account itself); `profile` gives `name` (display name), `login_name` and, for RAM users, `upn`.
 */
export const IDENTITY_CLAIMS = [
  "sub",
  "principal_type",
  "aid",
  "uid",
  "name",
  "login_name",
  "upn",
  "role_name",
] as const;
/** Everything the metadata lists under claims_supported. */
export const CLAIMS_SUPPORTED = [
  "iss",
  "aud",
  "exp",
  "iat",
  "auth_time",
  "nonce",
  "at_hash",
  ...IDENTITY_CLAIMS,
  "policies",
];

export type PrincipalType = "account" | "user" | "role";

export function principalTypeOf(p: Pick<Principal, "kind">): PrincipalType {
  return p.kind === "owner" ? "account" : p.kind;
}

export function identityClaims(p: Principal, scope: string | readonly string[]): Record<string, string> {
  const scopes = typeof scope === "string" ? parseScope(scope) : scope;
  const claims: Record<string, string> = { sub: p.subject, principal_type: principalTypeOf(p) };
  if (scopes.includes("aliuid")) {
    claims.aid = p.accountUid;
    claims.uid = p.userId ?? p.accountUid;
  }
  if (scopes.includes("profile")) {
    claims.name = p.displayName;
    if (p.kind === "owner") {
      claims.login_name = p.logonName;
    } else {
      claims.login_name = p.logonName.slice(0, p.logonName.indexOf("@"));
      claims.upn = p.logonName;
    }
    if (p.kind === "role" && p.roleName) claims.role_name = p.roleName;
  }
  return claims;
}

/**
 * Userinfo: the identity claims, plus with the `permissions` scope the RAM policies that apply to the
 * person (`policies`, read with the token: lib/oauth/token-validation.ts).
 */
export function userinfoClaims(p: Principal, scope: string, policies: string[]): Record<string, unknown> {
  const claims: Record<string, unknown> = identityClaims(p, scope);
  if (parseScope(scope).includes("permissions")) claims.policies = policies;
  return claims;
}
