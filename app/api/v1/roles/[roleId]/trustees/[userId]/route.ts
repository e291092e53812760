import { apiRoute } from "@/lib/api/handler";
import { removeRoleTrustee } from "@/lib/ram/roles/remove-role-trustee";
import { idSchema } from "@/lib/ram/schemas";

export const DELETE = apiRoute<{ roleId: string; userId: string }>(async ({ caller, params }) => {
  await removeRoleTrustee({
    actor: caller.principal,
    roleId: idSchema.parse(params.roleId),
    userId: idSchema.parse(params.userId),
  });
});
