import { parseJson, parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { createRole } from "@/lib/ram/roles/create-role";
import { listRoles } from "@/lib/ram/queries";
import { createRoleSchema, listQuerySchema } from "@/lib/ram/schemas";

export const GET = apiRoute(async ({ request, actor }) => {
  const q = parseQuery(request, listQuerySchema);
  return listRoles({ actor: actor, ...q });
});

export const POST = apiRoute(
  async ({ request, actor }) => createRole({ actor: actor, input: await parseJson(request, createRoleSchema) }),
  { status: 201 },
);
