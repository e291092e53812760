import { z } from "zod";
import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { switchRole } from "@/lib/ram/switch-role";
import { idSchema } from "@/lib/ram/schemas";

export const PUT = apiRoute(async ({ request, actor }) => {
  const { roleId } = await parseJson(request, z.object({ roleId: idSchema }));
  await switchRole({ actor: actor, roleId });
});

export const DELETE = apiRoute(async ({ actor }) => {
  await switchRole({ actor: actor, roleId: null });
});
