import { and, asc, count, eq, ilike, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, policyAttachments, ramGroups, ramRoles, ramUsers, roleTrustees, type PrincipalType } from "@/db/schema";
import { systemPolicies } from "./policies";

export const PAGE_SIZE = 20;

/** Roles a RAM user may switch to. */
export function listAssumableRoles(db: Db, userId: string) {
  return db
    .select({ id: ramRoles.id, name: ramRoles.name })
    .from(roleTrustees)
    .innerJoin(ramRoles, eq(ramRoles.id, roleTrustees.roleId))
    .where(eq(roleTrustees.userId, userId))
    .orderBy(asc(ramRoles.name));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listUsers(db: Db, accountId: string, opts: { search?: string; page?: number } = {}) {
  const page = Math.max(1, opts.page ?? 1);
  const where = and(
    eq(ramUsers.accountId, accountId),
    opts.search ? or(ilike(ramUsers.name, `%${escapeLike(opts.search)}%`), ilike(ramUsers.displayName, `%${escapeLike(opts.search)}%`)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: ramUsers.id, name: ramUsers.name, displayName: ramUsers.displayName, enabled: ramUsers.enabled, createdAt: ramUsers.createdAt })
      .from(ramUsers)
      .where(where)
      .orderBy(asc(ramUsers.name))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(ramUsers).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0, page, pageSize: PAGE_SIZE };
}

export async function getUser(db: Db, accountId: string, userId: string) {
  const [user] = await db
    .select({ id: ramUsers.id, name: ramUsers.name, displayName: ramUsers.displayName, enabled: ramUsers.enabled, createdAt: ramUsers.createdAt, updatedAt: ramUsers.updatedAt })
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

export async function listAttachedPolicies(db: Db, accountId: string, type: PrincipalType, id: string) {
  const rows = await db
    .select({ policyName: policyAttachments.policyName, attachedAt: policyAttachments.createdAt })
    .from(policyAttachments)
    .where(and(eq(policyAttachments.accountId, accountId), eq(policyAttachments.principalType, type), eq(policyAttachments.principalId, id)))
    .orderBy(asc(policyAttachments.policyName));
  return rows;
}

/** Every RAM user of the account (for the Add Members / Add Trusted User pickers), at most 500. */
export function listUserChoices(db: Db, accountId: string) {
  return db
    .select({ id: ramUsers.id, name: ramUsers.name, displayName: ramUsers.displayName })
    .from(ramUsers)
    .where(eq(ramUsers.accountId, accountId))
    .orderBy(asc(ramUsers.name))
    .limit(500);
}

/** Groups or roles of the account, searched by name or description, one page at a time. */
async function listNamed(db: Db, table: typeof ramGroups | typeof ramRoles, accountId: string, opts: { search?: string; page?: number }) {
  const page = Math.max(1, opts.page ?? 1);
  const like = opts.search ? `%${escapeLike(opts.search)}%` : null;
  const where = and(eq(table.accountId, accountId), like ? or(ilike(table.name, like), ilike(table.description, like)) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: table.id, name: table.name, description: table.description, createdAt: table.createdAt })
      .from(table)
      .where(where)
      .orderBy(asc(table.name))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(table).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0, page, pageSize: PAGE_SIZE };
}

export function listGroups(db: Db, accountId: string, opts: { search?: string; page?: number } = {}) {
  return listNamed(db, ramGroups, accountId, opts);
}

export function listRoles(db: Db, accountId: string, opts: { search?: string; page?: number } = {}) {
  return listNamed(db, ramRoles, accountId, opts);
}

const userColumns = { id: ramUsers.id, name: ramUsers.name, displayName: ramUsers.displayName, enabled: ramUsers.enabled };

/** A group of the account with its members and policies, or null. */
export async function getGroup(db: Db, accountId: string, groupId: string) {
  const [group] = await db
    .select({ id: ramGroups.id, name: ramGroups.name, description: ramGroups.description, createdAt: ramGroups.createdAt })
    .from(ramGroups)
    .where(and(eq(ramGroups.id, groupId), eq(ramGroups.accountId, accountId)));
  if (!group) return null;
  const [members, policies] = await Promise.all([
    db.select(userColumns).from(groupMembers).innerJoin(ramUsers, eq(ramUsers.id, groupMembers.userId)).where(eq(groupMembers.groupId, groupId)).orderBy(asc(ramUsers.name)),
    listAttachedPolicies(db, accountId, "group", groupId),
  ]);
  return { ...group, members, policies };
}

/** A role of the account with the RAM users it trusts and its policies, or null. */
export async function getRole(db: Db, accountId: string, roleId: string) {
  const [role] = await db
    .select({ id: ramRoles.id, name: ramRoles.name, description: ramRoles.description, createdAt: ramRoles.createdAt })
    .from(ramRoles)
    .where(and(eq(ramRoles.id, roleId), eq(ramRoles.accountId, accountId)));
  if (!role) return null;
  const [trustees, policies] = await Promise.all([
    db.select(userColumns).from(roleTrustees).innerJoin(ramUsers, eq(ramUsers.id, roleTrustees.userId)).where(eq(roleTrustees.roleId, roleId)).orderBy(asc(ramUsers.name)),
    listAttachedPolicies(db, accountId, "role", roleId),
  ]);
  return { ...role, trustees, policies };
}

/** The system policies, each with how many users, groups and roles of the account have it attached. */
export async function listPolicyUsage(db: Db, accountId: string) {
  const rows = await db
    .select({ policyName: policyAttachments.policyName, type: policyAttachments.principalType, n: count() })
    .from(policyAttachments)
    .where(eq(policyAttachments.accountId, accountId))
    .groupBy(policyAttachments.policyName, policyAttachments.principalType);
  return systemPolicies.map((p) => {
    const n = (type: PrincipalType) => rows.find((r) => r.policyName === p.name && r.type === type)?.n ?? 0;
    return { name: p.name, description: p.description, policyType: "System" as const, users: n("user"), groups: n("group"), roles: n("role") };
  });
}
