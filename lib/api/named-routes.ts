import { noSuchPrincipal } from "@/lib/ram/attachments/principal-exists";
import { deleteGroup } from "@/lib/ram/groups/delete-group";
import { logonNameOf, type Principal } from "@/lib/ram/principal";
import { getNamed } from "@/lib/ram/queries";
import { deleteRole } from "@/lib/ram/roles/delete-role";
import { idSchema } from "@/lib/ram/schemas";
import { apiRoute } from "./handler";

const kinds = {
  group: {
    param: "groupId",
    people: "members",
    remove: (actor: Principal, groupId: string) => deleteGroup({ actor, groupId }),
  },
  role: {
    param: "roleId",
    people: "trustees",
    remove: (actor: Principal, roleId: string) => deleteRole({ actor, roleId }),
  },
} as const;

/**
 * GET and DELETE /api/v1/groups/{groupId} and /api/v1/roles/{roleId}: a group and a role are read
 * and deleted alike; GET lists the linked users (members, trustees) with their logon names.
 */
export function namedPrincipalRoutes(type: keyof typeof kinds) {
  const { param, people, remove } = kinds[type];
  return {
    GET: apiRoute<Record<string, string>>(async ({ actor, params }) => {
      const found = await getNamed(type, actor, params[param] ?? "");
      if (!found) throw noSuchPrincipal(type);
      const users = found.users.map((m) => ({ ...m, logonName: logonNameOf(m.name, actor.accountAlias) }));
      return { ...found.row, [people]: users, policies: found.policies };
    }),
    DELETE: apiRoute<Record<string, string>>(async ({ actor, params }) => {
      await remove(actor, idSchema.parse(params[param]));
    }),
  };
}
