import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { PageHeader } from "@/components/console/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { listPolicyUsage } from "@/lib/ram/queries";

export const metadata = { title: "Policies" };

export default async function PoliciesPage() {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead)
    return (
      <>
        <PageHeader title="Policies" />
        <ForbiddenNotice />
      </>
    );
  const policies = await listPolicyUsage({ actor: principal });
  return (
    <>
      <PageHeader
        title="Policies"
        description="System policies are defined by Alibaba Cloud and cannot be changed. Grant them to users, user groups and roles on their pages."
      />
      <Table>
        <thead>
          <tr>
            <Th>Policy Name</Th>
            <Th>Policy Type</Th>
            <Th>Description</Th>
            <Th className="text-right">Users</Th>
            <Th className="text-right">User Groups</Th>
            <Th className="text-right">Roles</Th>
          </tr>
        </thead>
        <tbody>
          {policies.map((p) => (
            <tr key={p.name}>
              <Td className="font-medium">{p.name}</Td>
              <Td>
                <Badge tone="blue">{p.policyType}</Badge>
              </Td>
              <Td className="text-gray-600">{p.description}</Td>
              <Td className="text-right tabular-nums">{p.users}</Td>
              <Td className="text-right tabular-nums">{p.groups}</Td>
              <Td className="text-right tabular-nums">{p.roles}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
