import { apiRoute } from "@/lib/api/handler";
import { deleteAppSecret } from "@/lib/apps/delete-app-secret";

export const DELETE = apiRoute<{ appId: string; secretId: string }>(async ({ caller, params }) => {
  await deleteAppSecret({ actor: caller.principal, clientId: params.appId, secretId: params.secretId });
});
