import { notFound } from "next/navigation";
import { ForbiddenPage } from "@/components/console/forbidden-notice";
import { LocalTime } from "@/components/console/local-time";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { logonNameOf, type Principal } from "@/lib/ram/principal";
import { getGroup, getRole, listUserChoices } from "@/lib/ram/queries";
import { DeleteNamedPrincipalButton } from "./delete-named-principal-button";
import { MemberUsers } from "./member-users";
import { namedPrincipalKinds, type NamedPrincipalKindKey } from "./named-principal-kinds";
import { PrincipalFrame } from "./principal-frame";

/** Reads one group (with its members) or role (with its trusted users) as `actor`, or null. */
const reads = {
  group: async (actor: Principal, groupId: string) => {
    const group = await getGroup({ actor, groupId });
    return group && { ...group, users: group.members };
  },
  role: async (actor: Principal, roleId: string) => {
    const role = await getRole({ actor, roleId });
    return role && { ...role, users: role.trustees };
  },
};

/** The page of one user group or role: Basic Information, its RAM users and its Permissions. */
export async function NamedPrincipalDetail({ kind, id }: { kind: NamedPrincipalKindKey; id: string }) {
  const words = namedPrincipalKinds[kind];
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead) return <ForbiddenPage title={words.noun} />;
  const item = await reads[kind](principal, id);
  if (!item) notFound();
  const choices = abilities.isAdmin ? await listUserChoices({ actor: principal }) : [];
  const asRef = (u: { id: string; name: string; displayName: string }) => ({
    id: u.id,
    displayName: u.displayName,
    logonName: logonNameOf(u.name, principal.accountAlias),
  });
  const users = (
    <MemberUsers
      title={words.users.title}
      addLabel={words.users.addLabel}
      emptyText={words.users.emptyText}
      apiBase={`${words.apiPath}/${item.id}/${words.users.path}`}
      members={item.users.map(asRef)}
      choices={choices.map(asRef)}
      canEdit={abilities.isAdmin}
    />
  );
  return (
    <PrincipalFrame
      title={item.name}
      actions={abilities.isAdmin ? <DeleteNamedPrincipalButton kind={kind} id={item.id} name={item.name} /> : null}
      facts={[
        [words.nameLabel, item.name],
        ["Description", item.description || "—"],
        kind === "role" && ["ARN", `acs:ram::${principal.accountUid}:role/${item.name}`, "font-mono text-xs"],
        ["Created", <LocalTime key="created" value={item.createdAt} />],
        [words.idLabel, item.id, "font-mono text-xs"],
      ]}
      policies={{
        apiBase: `${words.apiPath}/${item.id}/policies`,
        attached: item.policies,
        canEdit: abilities.isAdmin,
      }}
      before={words.users.beforePolicies ? users : null}
      after={words.users.beforePolicies ? null : users}
    />
  );
}
