import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NamedPrincipalDetail } from "../../_components/named-principal-detail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("identities.role"))("noun") };
}

export default async function RolePage({ params }: { params: Promise<{ roleId: string }> }) {
  return <NamedPrincipalDetail kind="role" id={(await params).roleId} />;
}
