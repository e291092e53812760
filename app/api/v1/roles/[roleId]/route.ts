import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { deleteRole } from "@/lib/ram/roles/delete-role";
import { logonNameOf } from "@/lib/ram/principal";
import { getRole } from "@/lib/ram/queries";
import { idSchema } from "@/lib/ram/schemas";

type P = { roleId: string };

export const GET = apiRoute<P>(async ({ actor, params }) => {
  const role = await getRole({ actor: actor, roleId: params.roleId });
  if (!role) throw notFound("No such RAM role in this account.");
  return {
    ...role,
    trustees: role.trustees.map((m) => ({ ...m, logonName: logonNameOf(m.name, actor.accountAlias) })),
  };
});

export const DELETE = apiRoute<P>(async ({ actor, params }) => {
  await deleteRole({ actor: actor, roleId: idSchema.parse(params.roleId) });
});
