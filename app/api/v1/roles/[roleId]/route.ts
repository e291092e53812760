import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { deleteRole } from "@/lib/ram/roles/delete-role";
import { logonNameOf } from "@/lib/ram/principal";
import { getRole } from "@/lib/ram/queries";
import { idSchema } from "@/lib/ram/schemas";

type P = { roleId: string };

export const GET = apiRoute<P>(async ({ caller, params }) => {
  const role = await getRole({ actor: caller.principal, roleId: params.roleId });
  if (!role) throw notFound("No such RAM role in this account.");
  return {
    ...role,
    trustees: role.trustees.map((m) => ({ ...m, logonName: logonNameOf(m.name, caller.principal.accountAlias) })),
  };
});

export const DELETE = apiRoute<P>(async ({ caller, params }) => {
  await deleteRole({ actor: caller.principal, roleId: idSchema.parse(params.roleId) });
});
