import { apiRoute } from "@/lib/api/handler";
import { readUserAuthorizedApps } from "@/lib/apps/governance-reads";
import { notFound } from "@/lib/errors";
import { idSchema } from "@/lib/ram/schemas";

/** A RAM user's authorized applications, as they see them (RAM read permission). */
export const GET = apiRoute<{ userId: string }>(async ({ actor, params }) => {
  const items = await readUserAuthorizedApps({ actor, userId: idSchema.parse(params.userId) });
  if (!items) throw notFound("No such RAM user in this account.");
  return { items };
});
