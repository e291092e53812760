import { PageHeader } from "@/components/console/page-header";
import { requirePrincipal } from "@/lib/auth/current";

export const metadata = { title: "OAuth (Preview)" };

export default async function OAuthPage() {
  await requirePrincipal();
  return (
    <>
      <PageHeader title="OAuth (Preview)" />
      <p className="text-gray-600">Enterprise Applications and Third-party Applications.</p>
    </>
  );
}
