import { parseJson, parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { logonNameOf } from "@/lib/ram/principal";
import { listUsers } from "@/lib/ram/queries";
import { createUserSchema } from "@/lib/ram/schemas";
import { createUser } from "@/lib/ram/users/create-user";

import { pageParamsSchema } from "@/lib/http/page-params";

export const GET = apiRoute(async ({ request, actor }) => {
  const q = parseQuery(request, pageParamsSchema);
  const result = await listUsers({ actor: actor, ...q });
  return {
    ...result,
    items: result.items.map((u) => ({ ...u, logonName: logonNameOf(u.name, actor.accountAlias) })),
  };
});

export const POST = apiRoute(
  async ({ request, actor }) => createUser({ actor: actor, input: await parseJson(request, createUserSchema) }),
  { status: 201 },
);
