import { parseJson, parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { createGroup } from "@/lib/ram/groups/create-group";
import { listGroups } from "@/lib/ram/queries";
import { createGroupSchema, listQuerySchema } from "@/lib/ram/schemas";

export const GET = apiRoute(async ({ request, caller }) => {
  const q = parseQuery(request, listQuerySchema);
  return listGroups({ actor: caller.principal, ...q });
});

export const POST = apiRoute(
  async ({ request, caller }) =>
    createGroup({ actor: caller.principal, input: await parseJson(request, createGroupSchema) }),
  { status: 201 },
);
