import { z } from "zod";
import { getDb } from "@/db/client";
import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { createAssignments } from "@/lib/apps/create-assignments";
import { getOfficialInstallation, listAssignments } from "@/lib/apps/official-queries";
import { notFound } from "@/lib/errors";
import { requireReader } from "@/lib/ram/authorize";
import { idSchema } from "@/lib/ram/schemas";

const bodySchema = z.object({
  assignees: z.array(z.object({ principalType: z.enum(["user", "group"]), principalId: idSchema })).min(1).max(100),
});

export const GET = apiRoute<{ appId: string }>(async ({ caller, params }) => {
  const db = await getDb();
  await requireReader(db, caller.principal);
  const inst = await getOfficialInstallation(db, caller.principal.accountId, params.appId);
  if (!inst) throw notFound("This official application is not installed in this account.");
  return { items: await listAssignments(db, caller.principal.accountId, inst.installationId, caller.principal.accountAlias) };
});

export const POST = apiRoute<{ appId: string }>(
  async ({ request, caller, params }) => {
    const { assignees } = await parseJson(request, bodySchema);
    await createAssignments({ actor: caller.principal, clientId: params.appId, assignees });
    return { assigned: assignees.length };
  },
  { status: 201 },
);
