import { apiRoute } from "@/lib/api/handler";
import { createAppSecret } from "@/lib/apps/create-app-secret";

/** Create Secret: `{ id, prefix, createdAt, secret }`; the secret is in this answer only. */
export const POST = apiRoute<{ clientId: string }>(
  async ({ actor, params }) => createAppSecret({ actor: actor, clientId: params.clientId }),
  {
    status: 201,
  },
);
