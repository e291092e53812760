import { NamedPrincipalList } from "../_components/named-principal-list";
import { listGroups } from "@/lib/ram/queries";

export const metadata = { title: "User Groups" };

export default function GroupsPage({ searchParams }: { searchParams: Promise<{ search?: string; page?: string }> }) {
  return <NamedPrincipalList kind="group" list={listGroups} searchParams={searchParams} />;
}
