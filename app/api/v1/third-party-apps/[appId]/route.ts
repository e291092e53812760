import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api/handler";
import { deleteInstallation } from "@/lib/apps/delete-installation";
import { getInstallationDetails } from "@/lib/apps/installation-queries";
import { notFound } from "@/lib/errors";
import { requireReader } from "@/lib/ram/authorize";

type P = { appId: string };

/** An installed third-party application with its authorization scope; 404 unless installed in the caller's account. */
export const GET = apiRoute<P>(async ({ caller, params }) => {
  const db = await getDb();
  await requireReader(db, caller.principal);
  const app = await getInstallationDetails(db, caller.principal.accountId, params.appId);
  if (!app) throw notFound("This application is not installed in your account.");
  return app;
});

/** Delete Application: revokes the application's authorization in the caller's account (204). */
export const DELETE = apiRoute<P>(async ({ caller, params }) => {
  await deleteInstallation({ actor: caller.principal, clientId: params.appId });
});
