import { NamedPrincipalPage } from "../../_components/named-principal-page";

export const metadata = { title: "Roles" };

export default function RolesPage({ searchParams }: { searchParams: Promise<{ search?: string; page?: string }> }) {
  return <NamedPrincipalPage kind="role" searchParams={searchParams} />;
}
