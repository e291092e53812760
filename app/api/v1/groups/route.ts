import { parseJson, parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { createGroup } from "@/lib/ram/groups/create-group";
import { listGroups } from "@/lib/ram/queries";
import { createGroupSchema, listQuerySchema } from "@/lib/ram/schemas";

export const GET = apiRoute(async ({ request, actor }) => {
  const q = parseQuery(request, listQuerySchema);
  return listGroups({ actor: actor, ...q });
});

export const POST = apiRoute(
  async ({ request, actor }) => createGroup({ actor: actor, input: await parseJson(request, createGroupSchema) }),
  { status: 201 },
);
