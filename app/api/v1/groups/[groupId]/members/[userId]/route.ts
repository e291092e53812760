import { apiRoute } from "@/lib/api/handler";
import { removeGroupMember } from "@/lib/ram/groups/remove-group-member";
import { idSchema } from "@/lib/ram/schemas";

export const DELETE = apiRoute<{ groupId: string; userId: string }>(async ({ actor, params }) => {
  await removeGroupMember({
    actor: actor,
    groupId: idSchema.parse(params.groupId),
    userId: idSchema.parse(params.userId),
  });
});
