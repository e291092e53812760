import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NamedPrincipalDetail } from "../../_components/named-principal-detail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("identities.group"))("noun") };
}

export default async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  return <NamedPrincipalDetail kind="group" id={(await params).groupId} />;
}
