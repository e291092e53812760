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

export const GET = apiRoute<{ clientId: string }>(async ({ actor, params }) => {
  const read = await readAssignments({ actor: actor, clientId: params.clientId });
  if (!read) throw notFound({ key: "apiErrors.apps.officialNotInstalled" });
  return { items: read.assigned };
});

export const POST = apiRoute<{ clientId: string }>(
  async ({ request, actor, params }) => {
    const { assignees } = await parseJson(request, bodySchema);
    await createAssignments({ actor: actor, clientId: params.clientId, assignees });
    return { assigned: assignees.length };
  },
  { status: 201 },
);
