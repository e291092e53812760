import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { accounts, consoleSessions, ramRoles, ramUsers } from "@/db/schema";
import { randomToken } from "@/lib/crypto/tokens";
import { buildPrincipal, principalColumns } from "@/lib/ram/build-principal";
import { roleSessionSubject, type Principal } from "@/lib/ram/principal";

export const SESSION_TTL_SECONDS = 12 * 3600;

export async function createConsoleSession(
  db: Db | Tx,
  who: { accountId: string; userId: string | null },
): Promise<string> {
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
  await db
    .update(consoleSessions)
    .set({ revokedAt: sql`now()` })
    .where(eq(consoleSessions.id, sid));
}

export type SessionPrincipal = Principal & { sessionId: string; authTime: Date };

// A session is live until it is signed out or expires; `sid` is bound when the statement runs.
const live = and(
  eq(consoleSessions.id, sql.placeholder("sid")),
  isNull(consoleSessions.revokedAt),
  gt(consoleSessions.expiresAt, sql`now()`),
);

const sessionColumns = {
  ...principalColumns,
  ownerSubject: accounts.ownerSubject,
  userEnabled: ramUsers.enabled,
  userSubject: ramUsers.subject,
  sessionUserId: consoleSessions.userId,
  authTime: consoleSessions.authTime,
};

/** The live session's principal, or null when it was signed out, expired, or its user is disabled or gone. */
export async function loadSessionPrincipal(db: Db | Tx, sid: string): Promise<SessionPrincipal | null> {
  const query = preparedOnce(db, "console_session_principal", () =>
    db
      .select(sessionColumns)
      .from(consoleSessions)
      .innerJoin(accounts, eq(accounts.id, consoleSessions.accountId))
      .leftJoin(ramUsers, eq(ramUsers.id, consoleSessions.userId))
      .leftJoin(ramRoles, eq(ramRoles.id, consoleSessions.roleId))
      .where(live)
      .prepare("console_session_principal"),
  );
  const [row] = await query.execute({ sid });
  if (!row) return null;
  if (row.sessionUserId !== null && (!row.userId || !row.userEnabled)) return null;
  return { ...buildPrincipal(row, sessionSubject(row)), sessionId: sid, authTime: row.authTime };
}

/** The owner's subject, the RAM user's, or, in a role session, one derived from the role and the user. */
function sessionSubject(row: { ownerSubject: string; userSubject: string | null; roleId: string | null }): string {
  if (row.userSubject === null) return row.ownerSubject;
  return row.roleId ? roleSessionSubject(row.roleId, row.userSubject) : row.userSubject;
}
