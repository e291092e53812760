import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { updateApplicationSchema } from "@/lib/apps/app-schemas";
import { deleteApplication } from "@/lib/apps/delete-application";
import { readApplication } from "@/lib/apps/reads";
import { updateApplication } from "@/lib/apps/update-application";
import { notFound } from "@/lib/errors";

type P = { clientId: string };

export const GET = apiRoute<P>(async ({ actor, params }) => {
  const app = await readApplication({ actor: actor, clientId: params.clientId });
  if (!app) throw notFound({ key: "apiErrors.apps.noSuchApp" });
  return app;
});

export const PATCH = apiRoute<P>(async ({ request, actor, params }) =>
  updateApplication({
    actor: actor,
    clientId: params.clientId,
    input: await parseJson(request, updateApplicationSchema),
  }),
);

export const DELETE = apiRoute<P>(async ({ actor, params }) => {
  await deleteApplication({ actor: actor, clientId: params.clientId });
});
