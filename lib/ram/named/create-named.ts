import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { adminTransaction } from "../require-role";
import type { Principal } from "../principal";
import { createNamedSchema, type CreateNamedInput } from "../schemas";
import { links, namedColumns, type NamedType } from "./links";

const kinds = {
  group: { action: "CreateGroup" },
  role: { action: "CreateRole" },
} as const;

/** Creates a user group or a RAM role (the two have the same fields); the same name twice in an account is a conflict. */
export async function createNamed(type: NamedType, actor: Principal, input: CreateNamedInput) {
  const { action } = kinds[type];
  const table = links[type].named;
  const data = createNamedSchema.parse(input);
  return adminTransaction(actor, async (tx) => {
    // The unique index (account, name) decides, also when two administrators click at the same moment.
    const [row] = await tx
      .insert(table)
      .values({ accountId: actor.accountId, name: data.name, description: data.description })
      .onConflictDoNothing()
      .returning(namedColumns(type));
    if (!row) throw new AppError("conflict", { key: "apiErrors.ram.alreadyExists", values: { type, name: data.name } });
    await recordAudit(tx, actor, { action, targetType: type, targetId: row.id, detail: { name: row.name } });
    return row;
  });
}
