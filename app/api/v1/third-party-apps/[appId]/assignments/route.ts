import { z } from "zod";
import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { createAssignments } from "@/lib/apps/create-assignments";
import { readAssignments } from "@/lib/apps/reads";
import { notFound } from "@/lib/errors";
import { idSchema } from "@/lib/ram/schemas";

const bodySchema = z.object({
  assignees: z
    .array(z.object({ principalType: z.enum(["user", "group"]), principalId: idSchema }))
    .min(1)
    .max(100),
});

export const GET = apiRoute<{ appId: string }>(async ({ caller, params }) => {
  const read = await readAssignments({ actor: caller.principal, clientId: params.appId });
  if (!read) throw notFound("This official application is not installed in this account.");
  return { items: read.assigned };
});

export const POST = apiRoute<{ appId: string }>(
  async ({ request, caller, params }) => {
    const { assignees } = await parseJson(request, bodySchema);
    await createAssignments({ actor: caller.principal, clientId: params.appId, assignees });
    return { assigned: assignees.length };
  },
  { status: 201 },
);
