import { OAuthTabs } from "@/components/console/oauth-tabs";
import { PageHeader } from "@/components/console/page-header";
import { requirePrincipal } from "@/lib/auth/current";

export const metadata = { title: "Third-party Applications" };

export default async function ThirdPartyAppsPage() {
  await requirePrincipal();
  return (
    <>
      <PageHeader title="OAuth (Preview)" />
      <OAuthTabs />
      <p className="text-gray-600">Installed third-party applications are listed here.</p>
    </>
  );
}
