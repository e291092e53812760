import { getDb } from "@/db/client";
import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { getApplication } from "@/lib/apps/app-queries";
import { updateApplicationSchema } from "@/lib/apps/app-schemas";
import { deleteApplication } from "@/lib/apps/delete-application";
import { updateApplication } from "@/lib/apps/update-application";
import { notFound } from "@/lib/errors";
import { requireReader } from "@/lib/ram/authorize";

type P = { appId: string };

export const GET = apiRoute<P>(async ({ caller, params }) => {
  const db = await getDb();
  await requireReader(db, caller.principal);
  const app = await getApplication(db, caller.principal.accountId, params.appId);
  if (!app) throw notFound("No such application in this account.");
  return app;
});

export const PATCH = apiRoute<P>(async ({ request, caller, params }) =>
  updateApplication({ actor: caller.principal, clientId: params.appId, input: await parseJson(request, updateApplicationSchema) }),
);

export const DELETE = apiRoute<P>(async ({ caller, params }) => {
  await deleteApplication({ actor: caller.principal, clientId: params.appId });
});
