import { apiRoute } from "@/lib/api/handler";
import { detachPolicy } from "@/lib/ram/attachments/detach-policy";
import { idSchema } from "@/lib/ram/schemas";

export const DELETE = apiRoute<{ groupId: string; policyName: string }>(async ({ actor, params }) => {
  await detachPolicy({
    actor: actor,
    principalType: "group",
    principalId: idSchema.parse(params.groupId),
    policyName: params.policyName,
  });
});
