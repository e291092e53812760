import { notFound } from "next/navigation";
import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { PageHeader } from "@/components/console/page-header";
import { PolicyAttachments } from "../../_components/policy-attachments";
import { Badge } from "@/components/ui/badge";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { systemPolicies } from "@/lib/ram/policies";
import { logonNameOf } from "@/lib/ram/principal";
import { getUser } from "@/lib/ram/queries";
import { UserActions } from "./user-actions";

export const metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead)
    return (
      <>
        <PageHeader title="User" />
        <ForbiddenNotice />
      </>
    );
  const user = await getUser({ actor: principal, userId });
  if (!user) notFound();
  const logonName = logonNameOf(user.name, principal.accountAlias);
  return (
    <>
      <PageHeader
        title={logonName}
        actions={
          abilities.isAdmin ? <UserActions userId={user.id} logonName={logonName} enabled={user.enabled} /> : null
        }
      />
      <section className="mb-6 rounded-sm border border-gray-200 bg-white p-5">
        <h2 className="mb-3 font-semibold">Basic Information</h2>
        <dl className="grid grid-cols-[12rem_1fr] gap-y-2">
          <dt className="text-gray-500">Logon name</dt>
          <dd>{logonName}</dd>
          <dt className="text-gray-500">Display name</dt>
          <dd>{user.displayName}</dd>
          <dt className="text-gray-500">Status</dt>
          <dd>{user.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}</dd>
          <dt className="text-gray-500">User ID</dt>
          <dd className="font-mono text-xs">{user.id}</dd>
          <dt className="text-gray-500">Groups</dt>
          <dd>{user.groups.map((g) => g.name).join(", ") || "None"}</dd>
        </dl>
      </section>
      <PolicyAttachments
        apiBase={`/api/v1/users/${user.id}/policies`}
        attached={user.policies.map((p) => p.policyName)}
        catalog={systemPolicies.map((p) => ({ name: p.name, description: p.description }))}
        canEdit={abilities.isAdmin}
      />
    </>
  );
}
