import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, consoleSessions, ramRoles, ramUsers } from "@/db/schema";
import { randomToken } from "@/lib/crypto/tokens";
import { logonNameOf, roleSessionSubject, type Principal } from "@/lib/ram/principal";

export const SESSION_TTL_SECONDS = 12 * 3600;

export async function createConsoleSession(db: Db | Tx, who: { accountId: string; userId: string | null }): Promise<string> {
  const id = randomToken();
  await db.insert(consoleSessions).values({
    id,
    accountId: who.accountId,
    userId: who.userId,
    expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000),
  });
  return id;
}

export async function revokeConsoleSession(db: Db | Tx, sid: string): Promise<void> {
  await db.update(consoleSessions).set({ revokedAt: sql`now()` }).where(eq(consoleSessions.id, sid));
}

export type SessionPrincipal = Principal & { sessionId: string; authTime: Date };

/** The live session's principal, or null when it was signed out, expired, or its user is disabled or gone. */
export async function loadSessionPrincipal(db: Db | Tx, sid: string): Promise<SessionPrincipal | null> {
  const [row] = await db
    .select({
      accountId: accounts.id,
      uid: accounts.uid,
      alias: accounts.alias,
      ownerEmail: accounts.ownerEmail,
      ownerSubject: accounts.ownerSubject,
      userId: ramUsers.id,
      userName: ramUsers.name,
      userDisplay: ramUsers.displayName,
      userEnabled: ramUsers.enabled,
      userSubject: ramUsers.subject,
      roleId: ramRoles.id,
      roleName: ramRoles.name,
      sessionUserId: consoleSessions.userId,
      authTime: consoleSessions.authTime,
    })
    .from(consoleSessions)
    .innerJoin(accounts, eq(accounts.id, consoleSessions.accountId))
    .leftJoin(ramUsers, eq(ramUsers.id, consoleSessions.userId))
    .leftJoin(ramRoles, eq(ramRoles.id, consoleSessions.roleId))
    .where(and(eq(consoleSessions.id, sid), isNull(consoleSessions.revokedAt), gt(consoleSessions.expiresAt, sql`now()`)));
  if (!row) return null;
  const base = { accountId: row.accountId, accountUid: row.uid, accountAlias: row.alias, sessionId: sid, authTime: row.authTime };
  if (row.sessionUserId === null) {
    return {
      ...base,
      kind: "owner",
      userId: null,
      roleId: null,
      roleName: null,
      subject: row.ownerSubject,
      displayName: row.ownerEmail,
      logonName: row.ownerEmail,
    };
  }
  if (!row.userId || !row.userEnabled) return null;
  const logonName = logonNameOf(row.userName!, row.alias);
  return {
    ...base,
    kind: row.roleId ? "role" : "user",
    userId: row.userId,
    roleId: row.roleId,
    roleName: row.roleName,
    subject: row.roleId ? roleSessionSubject(row.roleId, row.userSubject!) : row.userSubject!,
    displayName: row.userDisplay!,
    logonName,
  };
}
