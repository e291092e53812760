import { z } from "zod";
import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { approveRequest } from "@/lib/apps/approve-request";
import { idSchema } from "@/lib/ram/schemas";

/** `scopes`: the optional items to grant (absent: all that were asked for); the required scope is always granted. */
const bodySchema = z.object({ scopes: z.array(z.string().min(1).max(128)).max(50).optional() });

/** Approve: installs the application for the caller's account (an administrator) and marks the request approved. */
export const POST = apiRoute<{ requestId: string }>(async ({ request, actor, params }) => {
  const { scopes } = await parseJson(request, bodySchema);
  return approveRequest({ actor, requestId: idSchema.parse(params.requestId), scopes });
});
