import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/console/data-table";
import { ForbiddenPage } from "@/components/console/forbidden-notice";
import { PageHeader } from "@/components/console/page-header";
import { Badge } from "@/components/ui/badge";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { listPolicyUsage } from "@/lib/ram/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("permissions.policies"))("title") };
}

/** A column of how many principals have the policy attached. */
const count = { headerClassName: "text-right", className: "text-right tabular-nums" };

export default async function PoliciesPage() {
  const t = await getTranslations("permissions");
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead) return <ForbiddenPage title={t("policies.title")} />;
  const policies = await listPolicyUsage({ actor: principal });
  return (
    <>
      <PageHeader title={t("policies.title")} description={t("policies.description")} />
      <DataTable
        rows={policies}
        rowKey={(p) => p.name}
        columns={[
          { header: t("policies.columns.name"), className: "font-medium", cell: (p) => p.name },
          {
            header: t("policies.columns.type"),
            cell: (p) => <Badge tone="blue">{t(`policyTypes.${p.policyType}`)}</Badge>,
          },
          {
            header: t("policies.columns.description"),
            className: "text-gray-600",
            cell: (p) => t(`systemPolicies.${p.name}`),
          },
          { header: t("policies.columns.users"), ...count, cell: (p) => p.users },
          { header: t("policies.columns.groups"), ...count, cell: (p) => p.groups },
          { header: t("policies.columns.roles"), ...count, cell: (p) => p.roles },
        ]}
      />
    </>
  );
}
