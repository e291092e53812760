import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { ramUsers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/crypto/password";
import { AppError } from "@/lib/errors";
import { requireAdmin } from "../require-role";
import { logonNameOf, type Principal } from "../principal";
import { createUserSchema, type CreateUserInput } from "../schemas";

export async function createUser({ actor, input }: { actor: Principal; input: CreateUserInput }) {
  const data = createUserSchema.parse(input);
  const db = await getDb();
  await requireAdmin(db, actor);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: ramUsers.id })
      .from(ramUsers)
      .where(and(eq(ramUsers.accountId, actor.accountId), eq(ramUsers.name, data.name)));
    if (existing)
      throw new AppError("conflict", { key: "apiErrors.ram.alreadyExists", values: { type: "user", name: data.name } });
    const [user] = await tx
      .insert(ramUsers)
      .values({ accountId: actor.accountId, name: data.name, displayName: data.displayName, passwordHash })
      .returning({
        id: ramUsers.id,
        name: ramUsers.name,
        displayName: ramUsers.displayName,
        enabled: ramUsers.enabled,
        createdAt: ramUsers.createdAt,
      });
    await recordAudit(tx, actor, {
      action: "CreateUser",
      targetType: "user",
      targetId: user!.id,
      detail: { name: data.name },
    });
    return { ...user!, logonName: logonNameOf(user!.name, actor.accountAlias) };
  });
}
