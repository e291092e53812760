import { notFound } from "next/navigation";
import { DeleteNamedPrincipalButton } from "../../_components/delete-named-principal-button";
import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { LocalTime } from "@/components/console/local-time";
import { MemberUsers } from "../../_components/member-users";
import { PageHeader } from "@/components/console/page-header";
import { PolicyAttachments } from "../../_components/policy-attachments";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { systemPolicies } from "@/lib/ram/policies";
import { logonNameOf } from "@/lib/ram/principal";
import { getGroup, listUserChoices } from "@/lib/ram/queries";

export const metadata = { title: "User Group" };

export default async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const { groupId } = await params;
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead)
    return (
      <>
        <PageHeader title="User Group" />
        <ForbiddenNotice />
      </>
    );
  const group = await getGroup({ actor: principal, groupId });
  if (!group) notFound();
  const choices = abilities.isAdmin ? await listUserChoices({ actor: principal }) : [];
  const asRef = (u: { id: string; name: string; displayName: string }) => ({
    id: u.id,
    displayName: u.displayName,
    logonName: logonNameOf(u.name, principal.accountAlias),
  });
  return (
    <>
      <PageHeader
        title={group.name}
        actions={abilities.isAdmin ? <DeleteNamedPrincipalButton kind="group" id={group.id} name={group.name} /> : null}
      />
      <section className="mb-6 rounded-sm border border-gray-200 bg-white p-5">
        <h2 className="mb-3 font-semibold">Basic Information</h2>
        <dl className="grid grid-cols-[12rem_1fr] gap-y-2">
          <dt className="text-gray-500">Group name</dt>
          <dd>{group.name}</dd>
          <dt className="text-gray-500">Description</dt>
          <dd>{group.description || "—"}</dd>
          <dt className="text-gray-500">Created</dt>
          <dd>
            <LocalTime value={group.createdAt} />
          </dd>
          <dt className="text-gray-500">Group ID</dt>
          <dd className="font-mono text-xs">{group.id}</dd>
        </dl>
      </section>
      <MemberUsers
        title="Members"
        addLabel="Add Members"
        emptyText="This group has no members yet."
        apiBase={`/api/v1/groups/${group.id}/members`}
        members={group.members.map(asRef)}
        choices={choices.map(asRef)}
        canEdit={abilities.isAdmin}
      />
      <PolicyAttachments
        apiBase={`/api/v1/groups/${group.id}/policies`}
        attached={group.policies.map((p) => p.policyName)}
        catalog={systemPolicies.map((p) => ({ name: p.name, description: p.description }))}
        canEdit={abilities.isAdmin}
      />
    </>
  );
}
