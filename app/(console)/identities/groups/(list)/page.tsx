import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NamedPrincipalPage } from "../../_components/named-principal-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("identities.group"))("title") };
}

export default function GroupsPage({ searchParams }: { searchParams: Promise<{ search?: string; page?: string }> }) {
  return <NamedPrincipalPage kind="group" searchParams={searchParams} />;
}
