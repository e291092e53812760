import { apiRoute } from "@/lib/api/handler";
import { deleteAppSecret } from "@/lib/apps/delete-app-secret";

export const DELETE = apiRoute<{ clientId: string; secretId: string }>(async ({ actor, params }) => {
  await deleteAppSecret({ actor: actor, clientId: params.clientId, secretId: params.secretId });
});
