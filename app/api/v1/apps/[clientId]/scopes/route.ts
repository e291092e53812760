import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { addAppScope } from "@/lib/apps/add-app-scope";
import { addAppScopeSchema } from "@/lib/apps/app-schemas";

/** Add OAuth Scope: `{ scope, required }`. */
export const POST = apiRoute<{ clientId: string }>(
  async ({ request, actor, params }) =>
    addAppScope({
      actor: actor,
      clientId: params.clientId,
      input: await parseJson(request, addAppScopeSchema),
    }),
  { status: 201 },
);
