import { parseJson, parseQuery } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { createApplicationSchema } from "@/lib/apps/app-schemas";
import { createApplication } from "@/lib/apps/create-application";
import { readApplications } from "@/lib/apps/reads";
import { pageParamsSchema } from "@/lib/http/page-params";

/** Enterprise Applications: the caller's account's own applications. */
export const GET = apiRoute(async ({ request, actor }) => {
  const { page } = parseQuery(request, pageParamsSchema.pick({ page: true }));
  return readApplications({ actor: actor, page });
});

/** Create Application. The client secret is in this answer only; it cannot be read again. */
export const POST = apiRoute(
  async ({ request, actor }) => {
    const created = await createApplication({
      actor: actor,
      input: await parseJson(request, createApplicationSchema),
    });
    return {
      client_id: created.clientId,
      ...(created.clientSecret ? { client_secret: created.clientSecret } : {}),
      app: created.app,
    };
  },
  { status: 201 },
);
