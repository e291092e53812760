import { parseJson, parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { createRole } from "@/lib/ram/roles/create-role";
import { listRoles } from "@/lib/ram/queries";
import { createRoleSchema, listQuerySchema } from "@/lib/ram/schemas";

export const GET = apiRoute(async ({ request, caller }) => {
  const q = parseQuery(request, listQuerySchema);
  return listRoles({ actor: caller.principal, ...q });
});

export const POST = apiRoute(
  async ({ request, caller }) =>
    createRole({ actor: caller.principal, input: await parseJson(request, createRoleSchema) }),
  { status: 201 },
);
