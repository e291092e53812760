import { randomToken, sha256 } from "@/lib/crypto/tokens";
import type { Principal } from "@/lib/ram/principal";
import { json, NO_STORE } from "@/lib/http/json";
import { signIdToken } from "./id-token";
import { hasScope } from "./scope";

export type TokenPair = { accessToken: string; refreshToken: string; expiresIn: number };

/** A new pair as the statements that store it need it: only the hashes are stored. */
export type NewTokenPair = TokenPair & {
  accessHash: string;
  refreshHash: string;
  createdAt: Date;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
};

/**
 * A new access token and refresh token; the refresh token expires `refreshTokenValidity` seconds
 * from now, or at `refreshExpiresAt` when rotating: the family keeps the absolute lifetime fixed at
 * the code exchange (RFC 9700 §4.14.2). One clock for issue and expiry: introspection's iat and exp
 * (RFC 7662 §2.2) then differ by exactly the validity, not by the database's transaction time
 * against this process's clock.
 */
export function newTokenPair(
  opts: { accessTokenValidity: number } & ({ refreshTokenValidity: number } | { refreshExpiresAt: Date }),
): NewTokenPair {
  const accessToken = randomToken();
  const refreshToken = randomToken();
  const now = Date.now();
  return {
    accessToken,
    refreshToken,
    expiresIn: opts.accessTokenValidity,
    accessHash: sha256(accessToken),
    refreshHash: sha256(refreshToken),
    createdAt: new Date(now),
    accessExpiresAt: new Date(now + opts.accessTokenValidity * 1000),
    refreshExpiresAt:
      "refreshExpiresAt" in opts ? opts.refreshExpiresAt : new Date(now + opts.refreshTokenValidity * 1000),
  };
}

export type IssuedTokens = TokenPair & {
  scope: string;
  principal: Principal;
  clientId: string;
  authTime: Date;
  nonce: string | null;
  /** the active kid, read with the code or refresh token (keys.ts activeKidSql) */
  kid: string | null;
};

/** RFC 6749 §5.1 (+ OIDC Core §3.1.3.3: id_token when the scope has openid). */
export async function tokenResponse(t: IssuedTokens): Promise<Response> {
  const body: Record<string, unknown> = {
    access_token: t.accessToken,
    token_type: "Bearer",
    expires_in: t.expiresIn,
    refresh_token: t.refreshToken,
    scope: t.scope,
  };
  if (hasScope(t.scope, "openid")) {
    body.id_token = await signIdToken({
      principal: t.principal,
      clientId: t.clientId,
      scope: t.scope,
      authTime: t.authTime,
      nonce: t.nonce,
      accessToken: t.accessToken,
      kid: t.kid,
    });
  }
  return json(body, 200, NO_STORE);
}
