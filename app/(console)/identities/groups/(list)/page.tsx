import { NamedPrincipalPage } from "../../_components/named-principal-page";

export const metadata = { title: "User Groups" };

export default function GroupsPage({ searchParams }: { searchParams: Promise<{ search?: string; page?: string }> }) {
  return <NamedPrincipalPage kind="group" searchParams={searchParams} />;
}
