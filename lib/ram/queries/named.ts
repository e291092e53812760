import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ramUsers } from "@/db/schema";
import { links, namedColumns, type NamedType } from "../named/links";
import { readerDb } from "../require-role";
import { idSchema } from "../schemas";
import { listAttachedPolicies } from "./policies";
import { searchPage, userColumns, type ListOptions, type Read } from "./read";

/** Groups or roles of the account, searched by name or description, one page at a time. */
async function listNamed(type: NamedType, { actor, ...opts }: Read<ListOptions>) {
  const table = links[type].named;
  const db = await readerDb(actor);
  const searched = [table.name, table.description];
  return searchPage(db, { table, searched, accountId: actor.accountId }, opts, (where) =>
    db.select(namedColumns(type)).from(table).where(where).orderBy(asc(table.name)),
  );
}

export function listGroups(read: Read<ListOptions>) {
  return listNamed("group", read);
}

export function listRoles(read: Read<ListOptions>) {
  return listNamed("role", read);
}

/** A group or role of the account with its linked users (members, trustees) and its policies, or null. */
export async function getNamed(type: NamedType, actor: Read["actor"], id: string) {
  const { named, table, owner } = links[type];
  const db = await readerDb(actor);
  if (!idSchema.safeParse(id).success) return null;
  const [row] = await db
    .select(namedColumns(type))
    .from(named)
    .where(and(eq(named.id, id), eq(named.accountId, actor.accountId)));
  if (!row) return null;
  const [users, policies] = await Promise.all([
    db
      .select(userColumns)
      .from(table)
      .innerJoin(ramUsers, eq(ramUsers.id, table.userId))
      .where(eq(owner, id))
      .orderBy(asc(ramUsers.name)),
    listAttachedPolicies(db, actor.accountId, type, id),
  ]);
  return { row, users, policies };
}

/** A group of the account with its members and policies, or null. */
export async function getGroup({ actor, groupId }: Read<{ groupId: string }>) {
  const found = await getNamed("group", actor, groupId);
  return found && { ...found.row, members: found.users, policies: found.policies };
}

/** A role of the account with the RAM users it trusts and its policies, or null. */
export async function getRole({ actor, roleId }: Read<{ roleId: string }>) {
  const found = await getNamed("role", actor, roleId);
  return found && { ...found.row, trustees: found.users, policies: found.policies };
}

/** The groups a RAM user is a member of, or the roles it may switch to, by name. */
export function listNamedOfUser(db: Db, type: NamedType, userId: string) {
  const { named, table, owner } = links[type];
  return db
    .select({ id: named.id, name: named.name })
    .from(table)
    .innerJoin(named, eq(named.id, owner))
    .where(eq(table.userId, userId))
    .orderBy(asc(named.name));
}
