import { apiRoute } from "@/lib/api/handler";
import { removeRoleTrustee } from "@/lib/ram/roles/remove-role-trustee";
import { idSchema } from "@/lib/ram/schemas";

export const DELETE = apiRoute<{ roleId: string; userId: string }>(async ({ actor, params }) => {
  await removeRoleTrustee({
    actor: actor,
    roleId: idSchema.parse(params.roleId),
    userId: idSchema.parse(params.userId),
  });
});
