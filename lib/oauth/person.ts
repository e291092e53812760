import type { Principal } from "@/lib/ram/principal";

/** The person a code or token is issued to, as codes, grants and tokens store it. */
export type Person = {
  accountId: string;
  /** null = the account owner */
  userId: string | null;
  /** set for a role session */
  roleId: string | null;
  subject: string;
};

export function personOf(p: Principal): Person {
  return { accountId: p.accountId, userId: p.userId, roleId: p.kind === "role" ? p.roleId : null, subject: p.subject };
}
