import { DataTable } from "@/components/console/data-table";
import { ForbiddenPage } from "@/components/console/forbidden-notice";
import { PageHeader } from "@/components/console/page-header";
import { Badge } from "@/components/ui/badge";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { listPolicyUsage } from "@/lib/ram/queries";

export const metadata = { title: "Policies" };

/** A column of how many principals have the policy attached. */
const count = { headerClassName: "text-right", className: "text-right tabular-nums" };

export default async function PoliciesPage() {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead) return <ForbiddenPage title="Policies" />;
  const policies = await listPolicyUsage({ actor: principal });
  return (
    <>
      <PageHeader
        title="Policies"
        description="System policies are defined by Alibaba Cloud and cannot be changed. Grant them to users, user groups and roles on their pages."
      />
      <DataTable
        rows={policies}
        rowKey={(p) => p.name}
        columns={[
          { header: "Policy Name", className: "font-medium", cell: (p) => p.name },
          { header: "Policy Type", cell: (p) => <Badge tone="blue">{p.policyType}</Badge> },
          { header: "Description", className: "text-gray-600", cell: (p) => p.description },
          { header: "Users", ...count, cell: (p) => p.users },
          { header: "User Groups", ...count, cell: (p) => p.groups },
          { header: "Roles", ...count, cell: (p) => p.roles },
        ]}
      />
    </>
  );
}
