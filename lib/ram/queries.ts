import { and, asc, count, eq, ilike, or } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { containsPattern, paginate } from "@/db/paginate";
import {
  groupMembers,
  policyAttachments,
  ramGroups,
  ramRoles,
  ramUsers,
  roleTrustees,
  type PrincipalType,
} from "@/db/schema";
import { listPolicyNames } from "./admin";
import { readerDb } from "./require-role";
import { systemPolicies } from "./policies";
import type { Principal } from "./principal";
import { idSchema } from "./schemas";

/**
 * The RAM reads. Each takes `{ actor }` and checks that the actor may read RAM (readerDb), the way
 * each write checks that its actor is an administrator; ids that are not UUIDs find nothing.
 */
type Read<T = object> = { actor: Principal } & T;
type ListOptions = { search?: string; page?: number };

/** Roles the actor (a RAM user) may switch to; none for the owner. Needs no read permission. */
export async function listAssumableRoles({ actor }: Read) {
  if (!actor.userId) return [];
  return (await getDb())
    .select({ id: ramRoles.id, name: ramRoles.name })
    .from(roleTrustees)
    .innerJoin(ramRoles, eq(ramRoles.id, roleTrustees.roleId))
    .where(eq(roleTrustees.userId, actor.userId))
    .orderBy(asc(ramRoles.name));
}

/** The policies that apply to the actor (who am I). Needs no read permission. */
export async function listOwnPolicyNames({ actor }: Read): Promise<string[]> {
  return listPolicyNames(await getDb(), actor);
}

export async function listUsers({ actor, ...opts }: Read<ListOptions>) {
  const db = await readerDb(actor);
  const like = containsPattern(opts.search);
  const where = and(
    eq(ramUsers.accountId, actor.accountId),
    like ? or(ilike(ramUsers.name, like), ilike(ramUsers.displayName, like)) : undefined,
  );
  return paginate(
    opts,
    (limit, offset) =>
      db
        .select({
          id: ramUsers.id,
          name: ramUsers.name,
          displayName: ramUsers.displayName,
          enabled: ramUsers.enabled,
          createdAt: ramUsers.createdAt,
        })
        .from(ramUsers)
        .where(where)
        .orderBy(asc(ramUsers.name))
        .limit(limit)
        .offset(offset),
    () => db.select({ n: count() }).from(ramUsers).where(where),
  );
}

export async function getUser({ actor, userId }: Read<{ userId: string }>) {
  const db = await readerDb(actor);
  if (!idSchema.safeParse(userId).success) return null;
  const accountId = actor.accountId;
  const [user] = await db
    .select({
      id: ramUsers.id,
      name: ramUsers.name,
      displayName: ramUsers.displayName,
      enabled: ramUsers.enabled,
      createdAt: ramUsers.createdAt,
      updatedAt: ramUsers.updatedAt,
    })
    .from(ramUsers)
    .where(and(eq(ramUsers.id, userId), eq(ramUsers.accountId, accountId)));
  if (!user) return null;
  const [policies, groups] = await Promise.all([
    listAttachedPolicies(db, accountId, "user", userId),
    db
      .select({ id: ramGroups.id, name: ramGroups.name })
      .from(groupMembers)
      .innerJoin(ramGroups, eq(ramGroups.id, groupMembers.groupId))
      .where(eq(groupMembers.userId, userId))
      .orderBy(asc(ramGroups.name)),
  ]);
  return { ...user, policies, groups };
}

async function listAttachedPolicies(db: Db, accountId: string, type: PrincipalType, id: string) {
  const rows = await db
    .select({ policyName: policyAttachments.policyName, attachedAt: policyAttachments.createdAt })
    .from(policyAttachments)
    .where(
      and(
        eq(policyAttachments.accountId, accountId),
        eq(policyAttachments.principalType, type),
        eq(policyAttachments.principalId, id),
      ),
    )
    .orderBy(asc(policyAttachments.policyName));
  return rows;
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

/** Groups or roles of the account, searched by name or description, one page at a time. */
async function listNamed(table: typeof ramGroups | typeof ramRoles, { actor, ...opts }: Read<ListOptions>) {
  const db = await readerDb(actor);
  const like = containsPattern(opts.search);
  const where = and(
    eq(table.accountId, actor.accountId),
    like ? or(ilike(table.name, like), ilike(table.description, like)) : undefined,
  );
  return paginate(
    opts,
    (limit, offset) =>
      db
        .select({ id: table.id, name: table.name, description: table.description, createdAt: table.createdAt })
        .from(table)
        .where(where)
        .orderBy(asc(table.name))
        .limit(limit)
        .offset(offset),
    () => db.select({ n: count() }).from(table).where(where),
  );
}

export function listGroups(read: Read<ListOptions>) {
  return listNamed(ramGroups, read);
}

export function listRoles(read: Read<ListOptions>) {
  return listNamed(ramRoles, read);
}

const userColumns = {
  id: ramUsers.id,
  name: ramUsers.name,
  displayName: ramUsers.displayName,
  enabled: ramUsers.enabled,
};

/** A group of the account with its members and policies, or null. */
export async function getGroup({ actor, groupId }: Read<{ groupId: string }>) {
  const db = await readerDb(actor);
  if (!idSchema.safeParse(groupId).success) return null;
  const accountId = actor.accountId;
  const [group] = await db
    .select({
      id: ramGroups.id,
      name: ramGroups.name,
      description: ramGroups.description,
      createdAt: ramGroups.createdAt,
    })
    .from(ramGroups)
    .where(and(eq(ramGroups.id, groupId), eq(ramGroups.accountId, accountId)));
  if (!group) return null;
  const [members, policies] = await Promise.all([
    db
      .select(userColumns)
      .from(groupMembers)
      .innerJoin(ramUsers, eq(ramUsers.id, groupMembers.userId))
      .where(eq(groupMembers.groupId, groupId))
      .orderBy(asc(ramUsers.name)),
    listAttachedPolicies(db, accountId, "group", groupId),
  ]);
  return { ...group, members, policies };
}

/** A role of the account with the RAM users it trusts and its policies, or null. */
export async function getRole({ actor, roleId }: Read<{ roleId: string }>) {
  const db = await readerDb(actor);
  if (!idSchema.safeParse(roleId).success) return null;
  const accountId = actor.accountId;
  const [role] = await db
    .select({ id: ramRoles.id, name: ramRoles.name, description: ramRoles.description, createdAt: ramRoles.createdAt })
    .from(ramRoles)
    .where(and(eq(ramRoles.id, roleId), eq(ramRoles.accountId, accountId)));
  if (!role) return null;
  const [trustees, policies] = await Promise.all([
    db
      .select(userColumns)
      .from(roleTrustees)
      .innerJoin(ramUsers, eq(ramUsers.id, roleTrustees.userId))
      .where(eq(roleTrustees.roleId, roleId))
      .orderBy(asc(ramUsers.name)),
    listAttachedPolicies(db, accountId, "role", roleId),
  ]);
  return { ...role, trustees, policies };
}

/** The system policies, each with how many users, groups and roles of the account have it attached. */
export async function listPolicyUsage({ actor }: Read) {
  const db = await readerDb(actor);
  const accountId = actor.accountId;
  const rows = await db
    .select({ policyName: policyAttachments.policyName, type: policyAttachments.principalType, n: count() })
    .from(policyAttachments)
    .where(eq(policyAttachments.accountId, accountId))
    .groupBy(policyAttachments.policyName, policyAttachments.principalType);
  return systemPolicies.map((p) => {
    const n = (type: PrincipalType) => rows.find((r) => r.policyName === p.name && r.type === type)?.n ?? 0;
    return {
      name: p.name,
      description: p.description,
      policyType: "System" as const,
      users: n("user"),
      groups: n("group"),
      roles: n("role"),
    };
  });
}
