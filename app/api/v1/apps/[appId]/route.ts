import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { updateApplicationSchema } from "@/lib/apps/app-schemas";
import { deleteApplication } from "@/lib/apps/delete-application";
import { readApplication } from "@/lib/apps/reads";
import { updateApplication } from "@/lib/apps/update-application";
import { notFound } from "@/lib/errors";

type P = { appId: string };

export const GET = apiRoute<P>(async ({ caller, params }) => {
  const app = await readApplication({ actor: caller.principal, clientId: params.appId });
  if (!app) throw notFound("No such application in this account.");
  return app;
});

export const PATCH = apiRoute<P>(async ({ request, caller, params }) =>
  updateApplication({
    actor: caller.principal,
    clientId: params.appId,
    input: await parseJson(request, updateApplicationSchema),
  }),
);

export const DELETE = apiRoute<P>(async ({ caller, params }) => {
  await deleteApplication({ actor: caller.principal, clientId: params.appId });
});
