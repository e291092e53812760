import { z } from "zod";
import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { denyRequest } from "@/lib/apps/deny-request";
import { idSchema } from "@/lib/ram/schemas";

const bodySchema = z.object({ reason: z.string().max(2000) });

/** Deny, with the reason the people who asked will see; nothing is installed. */
export const POST = apiRoute<{ requestId: string }>(async ({ request, actor, params }) => {
  const { reason } = await parseJson(request, bodySchema);
  return denyRequest({ actor, requestId: idSchema.parse(params.requestId), reason });
});
