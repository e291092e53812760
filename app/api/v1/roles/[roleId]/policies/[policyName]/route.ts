import { apiRoute } from "@/lib/api/handler";
import { detachPolicy } from "@/lib/ram/attachments/detach-policy";
import { idSchema } from "@/lib/ram/schemas";

export const DELETE = apiRoute<{ roleId: string; policyName: string }>(async ({ actor, params }) => {
  await detachPolicy({
    actor: actor,
    principalType: "role",
    principalId: idSchema.parse(params.roleId),
    policyName: params.policyName,
  });
});
