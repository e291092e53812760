import { z } from "zod";
import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { attachPolicy } from "@/lib/ram/attachments/attach-policy";
import { idSchema } from "@/lib/ram/schemas";

export const POST = apiRoute<{ roleId: string }>(
  async ({ request, actor, params }) => {
    const roleId = idSchema.parse(params.roleId);
    const { policyName } = await parseJson(request, z.object({ policyName: z.string() }));
    await attachPolicy({ actor: actor, principalType: "role", principalId: roleId, policyName });
    return { policyName };
  },
  { status: 201 },
);
