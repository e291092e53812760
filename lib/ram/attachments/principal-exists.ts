import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { ramGroups, ramRoles, ramUsers, type PrincipalType } from "@/db/schema";
import { notFound } from "@/lib/errors";

/** The table of each principal type. */
export const principalTables = { user: ramUsers, group: ramGroups, role: ramRoles } as const;

/** The 404 for a user, group or role the account does not have ("No such RAM user in this account."). */
export const noSuchPrincipal = (type: PrincipalType) =>
  notFound({ key: "apiErrors.ram.noSuchPrincipal", values: { type } });

/** 404 unless the user, group or role belongs to the account (another account's id is "not found"). */
export async function assertPrincipalInAccount(
  tx: Tx,
  accountId: string,
  type: PrincipalType,
  id: string,
): Promise<{ name: string }> {
  const t = principalTables[type];
  const [row] = await tx
    .select({ name: t.name })
    .from(t)
    .where(and(eq(t.id, id), eq(t.accountId, accountId)));
  if (!row) throw noSuchPrincipal(type);
  return row;
}
