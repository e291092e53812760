import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { requireReader } from "@/lib/ram/authorize";
import { deleteRole } from "@/lib/ram/roles/delete-role";
import { logonNameOf } from "@/lib/ram/principal";
import { getRole } from "@/lib/ram/queries";
import { idSchema } from "@/lib/ram/schemas";

type P = { roleId: string };

export const GET = apiRoute<P>(async ({ caller, params }) => {
  const db = await getDb();
  await requireReader(db, caller.principal);
  const role = idSchema.safeParse(params.roleId).success ? await getRole(db, caller.principal.accountId, params.roleId) : null;
  if (!role) throw notFound("No such RAM role in this account.");
  return { ...role, trustees: role.trustees.map((m) => ({ ...m, logonName: logonNameOf(m.name, caller.principal.accountAlias) })) };
});

export const DELETE = apiRoute<P>(async ({ caller, params }) => {
  await deleteRole({ actor: caller.principal, roleId: idSchema.parse(params.roleId) });
});
