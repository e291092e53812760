import { parseJson } from "@/lib/api/body";
import { apiRoute } from "@/lib/api/handler";
import { noSuchPrincipal } from "@/lib/ram/attachments/principal-exists";
import { logonNameOf } from "@/lib/ram/principal";
import { getUser } from "@/lib/ram/queries";
import { idSchema, updateUserSchema } from "@/lib/ram/schemas";
import { deleteUser } from "@/lib/ram/users/delete-user";
import { updateUser } from "@/lib/ram/users/update-user";

type P = { userId: string };

export const GET = apiRoute<P>(async ({ actor, params }) => {
  const user = await getUser({ actor: actor, userId: params.userId });
  if (!user) throw noSuchPrincipal("user");
  return { ...user, logonName: logonNameOf(user.name, actor.accountAlias) };
});

export const PATCH = apiRoute<P>(async ({ request, actor, params }) =>
  updateUser({
    actor: actor,
    userId: idSchema.parse(params.userId),
    input: await parseJson(request, updateUserSchema),
  }),
);

export const DELETE = apiRoute<P>(async ({ actor, params }) => {
  await deleteUser({ actor: actor, userId: idSchema.parse(params.userId) });
});
