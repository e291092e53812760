import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { deleteGroup } from "@/lib/ram/groups/delete-group";
import { logonNameOf } from "@/lib/ram/principal";
import { getGroup } from "@/lib/ram/queries";
import { idSchema } from "@/lib/ram/schemas";

type P = { groupId: string };

export const GET = apiRoute<P>(async ({ caller, params }) => {
  const group = await getGroup({ actor: caller.principal, groupId: params.groupId });
  if (!group) throw notFound("No such user group in this account.");
  return {
    ...group,
    members: group.members.map((m) => ({ ...m, logonName: logonNameOf(m.name, caller.principal.accountAlias) })),
  };
});

export const DELETE = apiRoute<P>(async ({ caller, params }) => {
  await deleteGroup({ actor: caller.principal, groupId: idSchema.parse(params.groupId) });
});
