import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { loadSessionPrincipal, revokeConsoleSession } from "./console-session";

/**
 * Ends a console session (next-auth's sign-out event) and audits it as SignOut, in one transaction,
 * so the operation logs show who signed out and when. A session already ended (signed out in
 * another tab, expired, its user disabled) is still revoked but is not audited again: there is no
 * live person to name.
 */
export async function signOutSession(db: Db, sid: string): Promise<void> {
  await db.transaction(async (tx) => {
    const principal = await loadSessionPrincipal(tx, sid);
    await revokeConsoleSession(tx, sid);
    if (!principal) return;
    await recordAudit(tx, principal, {
      action: "SignOut",
      targetType: principal.userId ? "user" : "account",
      targetId: principal.userId ?? principal.accountUid,
    });
  });
}
