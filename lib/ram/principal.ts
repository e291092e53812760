import { createHash } from "node:crypto";

/** Who is acting: the account owner, a RAM user, or a RAM user in a role session. */
export type Principal = {
  kind: "owner" | "user" | "role";
  accountId: string;
  accountUid: string;
  accountAlias: string;
  /** The RAM user (also set for a role session: the user who switched). null for the owner. */
  userId: string | null;
  roleId: string | null;
  roleName: string | null;
  /** OIDC `sub`: stable per person, reveals neither UID nor logon name. */
  subject: string;
  displayName: string;
  /** `owner@…` for the owner, `name@alias.onaliyun.com` for RAM users. */
  logonName: string;
  /**
   * The OAuth client_id of the application whose access token the person acts through (the
   * console API's bearer path, the MCP server); absent in the console itself. Audit events record it.
   */
  via?: string;
};

/**
 * The part of a Principal that codes, grants and tokens store: enough to find the person again and
 * to check, at every use, that they still exist and may still act.
 */
export type PrincipalRef = Pick<Principal, "accountId" | "userId" | "roleId" | "subject">;

export function principalRef(p: Principal): PrincipalRef {
  return { accountId: p.accountId, userId: p.userId, roleId: p.kind === "role" ? p.roleId : null, subject: p.subject };
}

export function logonNameOf(userName: string, alias: string): string {
  return `${userName}@${alias}.onaliyun.com`;
}

/** A role session is a person of its own: its subject is derived from the role and the user. */
export function roleSessionSubject(roleId: string, userSubject: string): string {
  const h = createHash("sha256").update(`role-session:${roleId}:${userSubject}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** How the principal appears in audit events and on screen, e.g. `auditor/alice@acme.onaliyun.com`. */
export function actorLabel(p: Principal): string {
  return p.kind === "role" ? `${p.roleName}/${p.logonName}` : p.logonName;
}
