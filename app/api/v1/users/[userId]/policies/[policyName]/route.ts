import { apiRoute } from "@/lib/api/handler";
import { detachPolicy } from "@/lib/ram/attachments/detach-policy";
import { idSchema } from "@/lib/ram/schemas";

export const DELETE = apiRoute<{ userId: string; policyName: string }>(async ({ actor, params }) => {
  await detachPolicy({
    actor: actor,
    principalType: "user",
    principalId: idSchema.parse(params.userId),
    policyName: params.policyName,
  });
});
