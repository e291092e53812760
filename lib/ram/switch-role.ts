import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { consoleSessions, ramRoles, roleTrustees } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import type { Principal } from "./principal";

type SessionActor = Principal & { sessionId?: string };

/** A RAM user switches the console session to a role it is trusted for (roleId), or back (null). */
export async function switchRole({ actor, roleId }: { actor: SessionActor; roleId: string | null }): Promise<void> {
  if (!actor.sessionId || !actor.userId) {
    throw new AppError("forbidden", { key: "apiErrors.ram.switchRoleUserOnly" });
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (roleId) {
      const [trusted] = await tx
        .select({ name: ramRoles.name })
        .from(roleTrustees)
        .innerJoin(ramRoles, eq(ramRoles.id, roleTrustees.roleId))
        .where(
          and(
            eq(roleTrustees.roleId, roleId),
            eq(roleTrustees.userId, actor.userId!),
            eq(ramRoles.accountId, actor.accountId),
          ),
        );
      if (!trusted) throw notFound({ key: "apiErrors.ram.noSuchTrustedRole" });
    }
    await tx.update(consoleSessions).set({ roleId }).where(eq(consoleSessions.id, actor.sessionId!));
    await recordAudit(tx, actor, {
      action: roleId ? "AssumeRole" : "SwitchBack",
      targetType: "role",
      targetId: roleId ?? actor.roleId ?? "",
    });
  });
}
