import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { deleteAssignment } from "@/lib/apps/delete-assignment";
import { idSchema } from "@/lib/ram/schemas";

export const DELETE = apiRoute<{ appId: string; principalType: string; principalId: string }>(
  async ({ caller, params }) => {
    const principalType = z.enum(["user", "group"]).parse(params.principalType);
    await deleteAssignment({
      actor: caller.principal,
      clientId: params.appId,
      assignee: { principalType, principalId: idSchema.parse(params.principalId) },
    });
  },
);
