import { apiRoute } from "@/lib/api/handler";
import { createAppSecret } from "@/lib/apps/create-app-secret";

/** Create Secret: `{ id, prefix, createdAt, secret }`; the secret is in this answer only. */
export const POST = apiRoute<{ appId: string }>(
  async ({ caller, params }) => createAppSecret({ actor: caller.principal, clientId: params.appId }),
  {
    status: 201,
  },
);
