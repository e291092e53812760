import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { logonNameOf } from "@/lib/ram/principal";
import { getUser } from "@/lib/ram/queries";
import { idSchema, updateUserSchema } from "@/lib/ram/schemas";
import { deleteUser } from "@/lib/ram/users/delete-user";
import { updateUser } from "@/lib/ram/users/update-user";

type P = { userId: string };

export const GET = apiRoute<P>(async ({ caller, params }) => {
  const user = await getUser({ actor: caller.principal, userId: params.userId });
  if (!user) throw notFound("No such RAM user in this account.");
  return { ...user, logonName: logonNameOf(user.name, caller.principal.accountAlias) };
});

export const PATCH = apiRoute<P>(async ({ request, caller, params }) =>
  updateUser({
    actor: caller.principal,
    userId: idSchema.parse(params.userId),
    input: await parseJson(request, updateUserSchema),
  }),
);

export const DELETE = apiRoute<P>(async ({ caller, params }) => {
  await deleteUser({ actor: caller.principal, userId: idSchema.parse(params.userId) });
});
