import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { deleteAssignment } from "@/lib/apps/delete-assignment";
import { idSchema } from "@/lib/ram/schemas";

export const DELETE = apiRoute<{ clientId: string; principalType: string; principalId: string }>(
  async ({ actor, params }) => {
    const principalType = z.enum(["user", "group"]).parse(params.principalType);
    await deleteAssignment({
      actor: actor,
      clientId: params.clientId,
      assignee: { principalType, principalId: idSchema.parse(params.principalId) },
    });
  },
);
