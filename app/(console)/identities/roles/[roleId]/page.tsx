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
import { getRole, listUserChoices } from "@/lib/ram/queries";

export const metadata = { title: "Role" };

export default async function RolePage({ params }: { params: Promise<{ roleId: string }> }) {
  const { roleId } = await params;
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead)
    return (
      <>
        <PageHeader title="Role" />
        <ForbiddenNotice />
      </>
    );
  const role = await getRole({ actor: principal, roleId });
  if (!role) notFound();
  const choices = abilities.isAdmin ? await listUserChoices({ actor: principal }) : [];
  const asRef = (u: { id: string; name: string; displayName: string }) => ({
    id: u.id,
    displayName: u.displayName,
    logonName: logonNameOf(u.name, principal.accountAlias),
  });
  return (
    <>
      <PageHeader
        title={role.name}
        actions={abilities.isAdmin ? <DeleteNamedPrincipalButton kind="role" id={role.id} name={role.name} /> : null}
      />
      <section className="mb-6 rounded-sm border border-gray-200 bg-white p-5">
        <h2 className="mb-3 font-semibold">Basic Information</h2>
        <dl className="grid grid-cols-[12rem_1fr] gap-y-2">
          <dt className="text-gray-500">Role name</dt>
          <dd>{role.name}</dd>
          <dt className="text-gray-500">Description</dt>
          <dd>{role.description || "—"}</dd>
          <dt className="text-gray-500">ARN</dt>
          <dd className="font-mono text-xs">
            acs:ram::{principal.accountUid}:role/{role.name}
          </dd>
          <dt className="text-gray-500">Created</dt>
          <dd>
            <LocalTime value={role.createdAt} />
          </dd>
          <dt className="text-gray-500">Role ID</dt>
          <dd className="font-mono text-xs">{role.id}</dd>
        </dl>
      </section>
      <PolicyAttachments
        apiBase={`/api/v1/roles/${role.id}/policies`}
        attached={role.policies.map((p) => p.policyName)}
        catalog={systemPolicies.map((p) => ({ name: p.name, description: p.description }))}
        canEdit={abilities.isAdmin}
      />
      <MemberUsers
        title="Trusted Users"
        addLabel="Add Trusted User"
        emptyText="No RAM user may switch to this role yet."
        apiBase={`/api/v1/roles/${role.id}/trustees`}
        members={role.trustees.map(asRef)}
        choices={choices.map(asRef)}
        canEdit={abilities.isAdmin}
      />
    </>
  );
}
