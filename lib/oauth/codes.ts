import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { authCodes } from "@/db/schema";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import type { PrincipalRef } from "@/lib/ram/principal";

/** Authorization codes live at most 60 s (RFC 6749 §4.1.2 recommends at most 10 minutes). */
export const CODE_TTL_SECONDS = 60;

export type CodeRequest = {
  applicationId: string;
  installationId: string;
  person: PrincipalRef;
  /** space-separated, already reduced to what the installation granted */
  scope: string;
  redirectUri: string;
  codeChallenge: string | null;
  nonce: string | null;
  authTime: Date;
  /** RFC 8707 audience; null = the console API */
  resource?: string | null;
  mcpClientId?: string | null;
};

const ph = sql.placeholder;

/** Issues a one-time code; only its hash is stored. One prepared statement (every authorization issues one). */
export async function issueAuthorizationCode(db: Db | Tx, req: CodeRequest): Promise<string> {
  const code = randomToken();
  const query = preparedOnce(db, "auth_code_insert", () =>
    db
      .insert(authCodes)
      .values({
        codeHash: ph("codeHash"),
        accountId: ph("accountId"),
        applicationId: ph("applicationId"),
        installationId: ph("installationId"),
        userId: ph("userId"),
        roleId: ph("roleId"),
        subject: ph("subject"),
        scope: ph("scope"),
        authTime: ph("authTime"),
        redirectUri: ph("redirectUri"),
        codeChallenge: ph("codeChallenge"),
        nonce: ph("nonce"),
        resource: ph("resource"),
        mcpClientId: ph("mcpClientId"),
        expiresAt: ph("expiresAt"),
      })
      .prepare("auth_code_insert"),
  );
  await query.execute({
    codeHash: sha256(code),
    accountId: req.person.accountId,
    applicationId: req.applicationId,
    installationId: req.installationId,
    userId: req.person.userId,
    roleId: req.person.roleId,
    subject: req.person.subject,
    scope: req.scope,
    authTime: req.authTime,
    redirectUri: req.redirectUri,
    codeChallenge: req.codeChallenge,
    nonce: req.nonce,
    resource: req.resource ?? null,
    mcpClientId: req.mcpClientId ?? null,
    expiresAt: new Date(Date.now() + CODE_TTL_SECONDS * 1000),
  });
  return code;
}
