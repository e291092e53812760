import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { addRoleTrustee } from "@/lib/ram/roles/add-role-trustee";
import { idSchema, userRefSchema } from "@/lib/ram/schemas";

export const POST = apiRoute<{ roleId: string }>(
  async ({ request, actor, params }) => {
    const roleId = idSchema.parse(params.roleId);
    const { userId } = await parseJson(request, userRefSchema);
    await addRoleTrustee({ actor: actor, roleId, userId });
    return { roleId, userId };
  },
  { status: 201 },
);
