import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { addGroupMember } from "@/lib/ram/groups/add-group-member";
import { idSchema, userRefSchema } from "@/lib/ram/schemas";

export const POST = apiRoute<{ groupId: string }>(
  async ({ request, actor, params }) => {
    const groupId = idSchema.parse(params.groupId);
    const { userId } = await parseJson(request, userRefSchema);
    await addGroupMember({ actor: actor, groupId, userId });
    return { groupId, userId };
  },
  { status: 201 },
);
