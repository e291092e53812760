import { z } from "zod";
import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { provisionOfficialApp } from "@/lib/apps/provision-official-app";

const bodySchema = z.object({ optionalScopes: z.array(z.string().max(64)).max(20).default([]) });

export const POST = apiRoute<{ clientId: string }>(
  async ({ request, actor, params }) => {
    const { optionalScopes } = await parseJson(request, bodySchema);
    return provisionOfficialApp({ actor: actor, clientId: params.clientId, optionalScopes });
  },
  { status: 201 },
);
