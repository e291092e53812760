import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
  const paths = namedPrincipalKinds[kind];
  const t = await getTranslations("identities");
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead) return <ForbiddenPage title={t(`${kind}.noun`)} />;
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
      title={t(`${kind}.users.title`)}
      addLabel={t(`${kind}.users.addLabel`)}
      emptyText={t(`${kind}.users.emptyText`)}
      apiBase={`${paths.apiPath}/${item.id}/${paths.users.path}`}
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
        [t(`${kind}.nameLabel`), item.name],
        [t("common.description"), item.description || "—"],
        kind === "role" && ["ARN", `acs:ram::${principal.accountUid}:role/${item.name}`, "font-mono text-xs"],
        [t("common.created"), <LocalTime key="created" value={item.createdAt} />],
        [t(`${kind}.idLabel`), item.id, "font-mono text-xs"],
      ]}
      policies={{
        apiBase: `${paths.apiPath}/${item.id}/policies`,
        attached: item.policies,
        canEdit: abilities.isAdmin,
      }}
      before={paths.users.beforePolicies ? users : null}
      after={paths.users.beforePolicies ? null : users}
    />
  );
}
