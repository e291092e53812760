import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, ramUsers } from "@/db/schema";
import { burnPasswordCheck, verifyPassword } from "@/lib/crypto/password";

const RAM_LOGON = /^([a-z0-9][a-z0-9._-]{0,63})@([a-z0-9][a-z0-9-]{0,63})\.onaliyun\.com$/;

/** A normalised RAM logon name's user name and account alias, or null when it is not one. */
export function ramLogonParts(normalized: string): { name: string; alias: string } | null {
  const ram = RAM_LOGON.exec(normalized);
  return ram ? { name: ram[1]!, alias: ram[2]! } : null;
}

export type VerifiedIdentity = { accountId: string; userId: string | null };

/**
 * Checks a console sign-in. Unknown alias, unknown user, disabled user and wrong password all
 * return null after the same password work, so the answer and its timing tell nothing apart.
 */
export async function verifyCredentials(db: Db, login: string, password: string): Promise<VerifiedIdentity | null> {
  const normalized = login.trim().toLowerCase();
  const ram = ramLogonParts(normalized);
  if (ram) {
    const [row] = await db
      .select({
        id: ramUsers.id,
        accountId: ramUsers.accountId,
        hash: ramUsers.passwordHash,
        enabled: ramUsers.enabled,
      })
      .from(ramUsers)
      .innerJoin(accounts, eq(accounts.id, ramUsers.accountId))
      .where(and(eq(accounts.alias, ram.alias), eq(ramUsers.name, ram.name)));
    if (!row) return burnPasswordCheck(password).then(() => null);
    const ok = await verifyPassword(password, row.hash);
    return ok && row.enabled ? { accountId: row.accountId, userId: row.id } : null;
  }
  const [owner] = await db
    .select({ id: accounts.id, hash: accounts.ownerPasswordHash })
    .from(accounts)
    .where(eq(accounts.ownerEmail, normalized));
  if (!owner) return burnPasswordCheck(password).then(() => null);
  return (await verifyPassword(password, owner.hash)) ? { accountId: owner.id, userId: null } : null;
}
