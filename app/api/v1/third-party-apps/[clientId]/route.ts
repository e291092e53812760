import { apiRoute } from "@/lib/api/handler";
import { deleteInstallation } from "@/lib/apps/delete-installation";
import { readInstallationDetails } from "@/lib/apps/reads";
import { notFound } from "@/lib/errors";

type P = { clientId: string };

/** An installed third-party application with its authorization scope; 404 unless installed in the caller's account. */
export const GET = apiRoute<P>(async ({ actor, params }) => {
  const app = await readInstallationDetails({ actor: actor, clientId: params.clientId });
  if (!app) throw notFound({ key: "apiErrors.apps.notInstalled" });
  return app;
});

/** Delete Application: revokes the application's authorization in the caller's account (204). */
export const DELETE = apiRoute<P>(async ({ actor, params }) => {
  await deleteInstallation({ actor: actor, clientId: params.clientId });
});
