import { and, asc, eq } from "drizzle-orm";
import { ramUsers } from "@/db/schema";
import { readerDb } from "../require-role";
import { idSchema } from "../schemas";
import { listNamedOfUser } from "./named";
import { listAttachedPolicies } from "./policies";
import { searchPage, userColumns, type ListOptions, type Read } from "./read";

export async function listUsers({ actor, ...opts }: Read<ListOptions>) {
  const db = await readerDb(actor);
  const columns = { ...userColumns, createdAt: ramUsers.createdAt };
  const searched = [ramUsers.name, ramUsers.displayName];
  return searchPage(db, { table: ramUsers, searched, accountId: actor.accountId }, opts, (where) =>
    db.select(columns).from(ramUsers).where(where).orderBy(asc(ramUsers.name)),
  );
}

/** A RAM user of the account with its policies and groups, or null. */
export async function getUser({ actor, userId }: Read<{ userId: string }>) {
  const db = await readerDb(actor);
  if (!idSchema.safeParse(userId).success) return null;
  const [user] = await db
    .select({ ...userColumns, createdAt: ramUsers.createdAt, updatedAt: ramUsers.updatedAt })
    .from(ramUsers)
    .where(and(eq(ramUsers.id, userId), eq(ramUsers.accountId, actor.accountId)));
  if (!user) return null;
  const [policies, groups] = await Promise.all([
    listAttachedPolicies(db, actor.accountId, "user", userId),
    listNamedOfUser(db, "group", userId),
  ]);
  return { ...user, policies, groups };
}

/** Every RAM user of the account (for the Add Members / Add Trusted User pickers), at most 500. */
export async function listUserChoices({ actor }: Read) {
  return (await readerDb(actor))
    .select({ id: ramUsers.id, name: ramUsers.name, displayName: ramUsers.displayName })
    .from(ramUsers)
    .where(eq(ramUsers.accountId, actor.accountId))
    .orderBy(asc(ramUsers.name))
    .limit(500);
}
