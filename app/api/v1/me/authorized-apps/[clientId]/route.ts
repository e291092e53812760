import { apiRoute } from "@/lib/api/handler";
import { readOwnAuthorizedApp } from "@/lib/apps/governance-reads";
import { revokeOwnPersonalConsent } from "@/lib/apps/revoke-own-personal-consent";
import { revokeOwnTokens } from "@/lib/apps/revoke-own-tokens";
import { AppError } from "@/lib/errors";

/**
 * Revoke: the caller ends their own access of the application: their personal consent with their
 * tokens (an official application they authorized themselves), or their tokens (an application
 * the account installed, which stays installed). 204; 404 when it is not in their list.
 */
export const DELETE = apiRoute<{ clientId: string }>(async ({ actor, params }) => {
  const app = await readOwnAuthorizedApp({ actor, clientId: params.clientId });
  if (!app) throw new AppError("not_found", { key: "authorizedApps.errors.notFound" });
  if (app.consented) await revokeOwnPersonalConsent({ actor, clientId: app.clientId });
  else await revokeOwnTokens({ actor, clientId: app.clientId });
});
