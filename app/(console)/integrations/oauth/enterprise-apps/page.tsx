import { OAuthTabs } from "@/components/console/oauth-tabs";
import { PageHeader } from "@/components/console/page-header";
import { requirePrincipal } from "@/lib/auth/current";

export const metadata = { title: "Enterprise Applications" };

export default async function EnterpriseAppsPage() {
  await requirePrincipal();
  return (
    <>
      <PageHeader title="OAuth (Preview)" />
      <OAuthTabs />
      <p className="text-gray-600">Applications registered by this account are listed here.</p>
    </>
  );
}
