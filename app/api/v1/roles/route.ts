import { getDb } from "@/db/client";
import { parseJson, parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { requireReader } from "@/lib/ram/authorize";
import { createRole } from "@/lib/ram/roles/create-role";
import { listRoles } from "@/lib/ram/queries";
import { createRoleSchema, listQuerySchema } from "@/lib/ram/schemas";

export const GET = apiRoute(async ({ request, caller }) => {
  const q = parseQuery(request, listQuerySchema);
  const db = await getDb();
  await requireReader(db, caller.principal);
  return listRoles(db, caller.principal.accountId, q);
});

export const POST = apiRoute(
  async ({ request, caller }) => createRole({ actor: caller.principal, input: await parseJson(request, createRoleSchema) }),
  { status: 201 },
);
