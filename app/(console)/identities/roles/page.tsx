import { NamedPrincipalList } from "../_components/named-principal-list";
import { listRoles } from "@/lib/ram/queries";

export const metadata = { title: "Roles" };

export default function RolesPage({ searchParams }: { searchParams: Promise<{ search?: string; page?: string }> }) {
  return <NamedPrincipalList kind="role" list={listRoles} searchParams={searchParams} />;
}
