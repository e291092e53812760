import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import type { AuditResult } from "@/db/schema";
import { ramLogonParts } from "@/lib/auth/verify-credentials";

/**
 * Audits a console sign-in attempt in the account it names, in one statement, whatever the outcome
 * (success, failure, throttled). A failed or throttled attempt has no signed-in actor: the actor is
 * the logon name tried ("anonymous"). Decisions:
 * - The logon name is stored as given (normalised), not hashed: a hash would tell the administrator
 *   nothing. It is stored only when it names an account, so no free text from the internet lands in
 *   the table: a RAM logon name matches `name@alias.onaliyun.com` with [a-z0-9._-] only (no control
 *   characters, no markup, no leading = + - @: nothing to inject into a log line, a page or a CSV), for an
 *   existing alias; any other login is recorded only when it equals an owner's e-mail exactly. So a
 *   password typed into the logon field by mistake is never stored, and neither is any password.
 * - Enumeration: the same single INSERT … SELECT runs for every attempt; whether it inserts a row
 *   (the alias or e-mail exists) makes no difference to the answer, and only that account's
 *   administrators and readers can see the row. The target says whether the user exists
 *   (`user` with its id, else `login`): they can list their users anyway.
 */
export async function recordSignIn(
  db: Db | Tx,
  { login, result }: { login: string; result: AuditResult },
): Promise<void> {
  const ram = ramLogonParts(login);
  const actorType = result === "success" ? (ram ? "user" : "owner") : "anonymous";
  const common = sql`${login}, ${actorType}, ${login}, 'SignIn', ${result}`;
  const columns = sql`(account_id, actor, actor_type, actor_login, action, result, target_type, target_id)`;
  if (ram) {
    await db.execute(sql`insert into audit_events ${columns}
      select a.id, ${common}, case when u.id is null then 'login' else 'user' end, coalesce(u.id::text, ${login})
      from accounts a left join ram_users u on u.account_id = a.id and u.name = ${ram.name}
      where a.alias = ${ram.alias}`);
    return;
  }
  await db.execute(sql`insert into audit_events ${columns}
    select a.id, ${common}, 'account', a.uid from accounts a where a.owner_email = ${login}`);
}
