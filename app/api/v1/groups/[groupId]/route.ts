import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { deleteGroup } from "@/lib/ram/groups/delete-group";
import { logonNameOf } from "@/lib/ram/principal";
import { getGroup } from "@/lib/ram/queries";
import { idSchema } from "@/lib/ram/schemas";

type P = { groupId: string };

export const GET = apiRoute<P>(async ({ actor, params }) => {
  const group = await getGroup({ actor: actor, groupId: params.groupId });
  if (!group) throw notFound("No such user group in this account.");
  return {
    ...group,
    members: group.members.map((m) => ({ ...m, logonName: logonNameOf(m.name, actor.accountAlias) })),
  };
});

export const DELETE = apiRoute<P>(async ({ actor, params }) => {
  await deleteGroup({ actor: actor, groupId: idSchema.parse(params.groupId) });
});
