import { useTranslations } from "next-intl";
import { Fact, InfoSection } from "@/components/console/info-section";
import { PageHeader } from "@/components/console/page-header";
import { systemPolicies } from "@/lib/ram/policies";
import { PolicyAttachments } from "./policy-attachments";

/**
 * The page of one user, group or role: its name (the breadcrumbs lead to it) and its actions, Basic
 * Information (`facts`: label, value), then its Permissions, with `before` and `after` around them.
 */
export function PrincipalFrame({
  title,
  actions,
  facts,
  policies,
  before,
  after,
}: {
  title: string;
  actions: React.ReactNode;
  /** label, value, the value's classes; `false` leaves a row out. */
  facts: (readonly [string, React.ReactNode, string?] | false)[];
  policies: { apiBase: string; attached: { policyName: string }[]; canEdit: boolean };
  before?: React.ReactNode;
  after?: React.ReactNode;
}) {
  const t = useTranslations("permissions.systemPolicies");
  // The system policies' descriptions are Alibaba Cloud's: in the page's language.
  const catalog = systemPolicies.map((p) => ({ name: p.name, description: t(p.name) }));
  return (
    <>
      <PageHeader title={title} actions={actions} />
      <InfoSection>
        {facts
          .filter((f) => f !== false)
          .map(([label, value, className]) => (
            <Fact key={label} label={label} className={className}>
              {value}
            </Fact>
          ))}
      </InfoSection>
      {before}
      <PolicyAttachments
        apiBase={policies.apiBase}
        attached={policies.attached.map((p) => p.policyName)}
        catalog={catalog}
        canEdit={policies.canEdit}
      />
      {after}
    </>
  );
}
