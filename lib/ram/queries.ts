import { and, asc, count, eq, ilike, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, policyAttachments, ramGroups, ramRoles, ramUsers, roleTrustees, type PrincipalType } from "@/db/schema";

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
