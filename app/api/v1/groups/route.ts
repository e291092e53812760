import { getDb } from "@/db/client";
import { parseJson, parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { requireReader } from "@/lib/ram/authorize";
import { createGroup } from "@/lib/ram/groups/create-group";
import { listGroups } from "@/lib/ram/queries";
import { createGroupSchema, listQuerySchema } from "@/lib/ram/schemas";

export const GET = apiRoute(async ({ request, caller }) => {
  const q = parseQuery(request, listQuerySchema);
  const db = await getDb();
  await requireReader(db, caller.principal);
  return listGroups(db, caller.principal.accountId, q);
});

export const POST = apiRoute(
  async ({ request, caller }) => createGroup({ actor: caller.principal, input: await parseJson(request, createGroupSchema) }),
  { status: 201 },
);
