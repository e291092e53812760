import { notFound } from "next/navigation";
import { ForbiddenPage } from "@/components/console/forbidden-notice";
import { PrincipalFrame } from "../../_components/principal-frame";
import { Badge } from "@/components/ui/badge";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { logonNameOf } from "@/lib/ram/principal";
import { getUser } from "@/lib/ram/queries";
import { UserActions } from "./user-actions";

export const metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead) return <ForbiddenPage title="User" />;
  const user = await getUser({ actor: principal, userId });
  if (!user) notFound();
  const logonName = logonNameOf(user.name, principal.accountAlias);
  return (
    <PrincipalFrame
      title={logonName}
      actions={abilities.isAdmin ? <UserActions userId={user.id} logonName={logonName} enabled={user.enabled} /> : null}
      facts={[
        ["Logon name", logonName],
        ["Display name", user.displayName],
        ["Status", user.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>],
        ["User ID", user.id, "font-mono text-xs"],
        ["Groups", user.groups.map((g) => g.name).join(", ") || "None"],
      ]}
      policies={{ apiBase: `/api/v1/users/${user.id}/policies`, attached: user.policies, canEdit: abilities.isAdmin }}
    />
  );
}
