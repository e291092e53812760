import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound, type MessageRef } from "@/lib/errors";
import { assertPrincipalInAccount, noSuchPrincipal } from "../attachments/principal-exists";
import { adminTransaction } from "../require-role";
import type { Principal } from "../principal";
import { idSchema } from "../schemas";
import { links, type NamedType } from "./links";

/** A RAM user in a user group (a member) or in a role's trust list (a trustee). */
export type Membership = { actor: Principal; type: NamedType; id: string; userId: string };

type Change = {
  action: string;
  /** The 404 for a user id that is not a UUID: what the change says of a user it cannot find. */
  unknownUser: MessageRef;
  /** Runs after the checks; returns the audit detail beside the user id. */
  apply: (tx: Tx, target: { name: string }) => Promise<Record<string, unknown>>;
};

/** A membership change: an administrator, ids of this account, one transaction with its audit event. */
async function changeMembership({ actor, type, id, userId }: Membership, change: Change): Promise<void> {
  await adminTransaction(actor, async (tx) => {
    if (!idSchema.safeParse(id).success) throw noSuchPrincipal(type);
    if (!idSchema.safeParse(userId).success) throw notFound(change.unknownUser);
    const target = await assertPrincipalInAccount(tx, actor.accountId, type, id);
    const detail = await change.apply(tx, target);
    await recordAudit(tx, actor, {
      action: change.action,
      targetType: type,
      targetId: id,
      detail: { userId, ...detail },
    });
  });
}

/** Adds the user; `conflict` words the 409 when it is there already. */
export async function addMembership(
  m: Membership,
  { action, conflict }: { action: string; conflict: (user: string, target: string) => MessageRef },
): Promise<void> {
  const { table, row } = links[m.type];
  await changeMembership(m, {
    action,
    unknownUser: { key: "apiErrors.ram.noSuchPrincipal", values: { type: "user" } },
    apply: async (tx, target) => {
      const user = await assertPrincipalInAccount(tx, m.actor.accountId, "user", m.userId);
      const added = await tx.insert(table).values(row(m.id, m.userId)).onConflictDoNothing().returning();
      if (added.length === 0) throw new AppError("conflict", conflict(user.name, target.name));
      return { userName: user.name };
    },
  });
}

/** Removes the user (a 404 `missing` if it was not there), then runs `after` for what goes with it. */
export async function removeMembership(
  m: Membership,
  {
    action,
    missing,
    after,
  }: { action: string; missing: MessageRef; after: (tx: Tx) => Promise<Record<string, unknown>> },
): Promise<void> {
  const { table, owner } = links[m.type];
  await changeMembership(m, {
    action,
    unknownUser: missing,
    apply: async (tx) => {
      const removed = await tx
        .delete(table)
        .where(and(eq(owner, m.id), eq(table.userId, m.userId)))
        .returning();
      if (removed.length === 0) throw notFound(missing);
      return after(tx);
    },
  });
}
