import { apiRoute } from "@/lib/api/handler";
import { readInstallationImpact } from "@/lib/apps/reads";
import { AppError } from "@/lib/errors";

type P = { clientId: string };

/** What Delete Application would stop: people who used the application, live tokens, last use; 404 unless installed. */
export const GET = apiRoute<P>(async ({ actor, params }) => {
  const impact = await readInstallationImpact({ actor, clientId: params.clientId });
  if (!impact) throw new AppError("not_found", { key: "revokeImpact.errors.notInstalled" });
  return impact;
});
