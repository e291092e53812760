import { parseJson, parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { logonNameOf } from "@/lib/ram/principal";
import { listUsers } from "@/lib/ram/queries";
import { createUserSchema } from "@/lib/ram/schemas";
import { createUser } from "@/lib/ram/users/create-user";

import { pageParamsSchema } from "@/lib/http/page-params";

export const GET = apiRoute(async ({ request, caller }) => {
  const q = parseQuery(request, pageParamsSchema);
  const result = await listUsers({ actor: caller.principal, ...q });
  return {
    ...result,
    items: result.items.map((u) => ({ ...u, logonName: logonNameOf(u.name, caller.principal.accountAlias) })),
  };
});

export const POST = apiRoute(
  async ({ request, caller }) =>
    createUser({ actor: caller.principal, input: await parseJson(request, createUserSchema) }),
  { status: 201 },
);
