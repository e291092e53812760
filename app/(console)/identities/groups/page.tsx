import Link from "next/link";
import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { PageHeader } from "@/components/console/page-header";
import { Pagination } from "@/components/console/pagination";
import { SearchBox } from "@/components/console/search-box";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { listGroups } from "@/lib/ram/queries";
import { CreateGroupButton } from "./create-group-button";
import { DeleteGroupButton } from "./delete-group-button";

export const metadata = { title: "User Groups" };

export default async function GroupsPage({ searchParams }: { searchParams: Promise<{ search?: string; page?: string }> }) {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  const sp = await searchParams;
  if (!abilities.canRead) return (<><PageHeader title="User Groups" /><ForbiddenNotice /></>);
  const search = sp.search?.slice(0, 128) || undefined;
  const page = Math.max(1, Number(sp.page) || 1);
  const result = await listGroups(await getDb(), principal.accountId, { search, page });
  const cols = abilities.isAdmin ? 4 : 3;
  return (
    <>
      <PageHeader
        title="User Groups"
        description="A user group holds RAM users that need the same permissions: grant a policy to the group once, and every member has it."
        actions={abilities.isAdmin ? <CreateGroupButton /> : null}
      />
      <div className="mb-3">
        <SearchBox placeholder="Search by group name or description" defaultValue={search} />
      </div>
      <Table>
        <thead>
          <tr>
            <Th>Group Name</Th>
            <Th>Description</Th>
            <Th>Created</Th>
            {abilities.isAdmin ? <Th className="w-32">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {result.items.length === 0 ? (
            <EmptyRow colSpan={cols}>{search ? "No user group matches your search." : "No user groups yet."}</EmptyRow>
          ) : (
            result.items.map((g) => (
              <tr key={g.id}>
                <Td>
                  <Link className="link" href={`/identities/groups/${g.id}`}>
                    {g.name}
                  </Link>
                </Td>
                <Td className="text-gray-600">{g.description || "—"}</Td>
                <Td>
                  <time dateTime={g.createdAt.toISOString()}>{g.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
                </Td>
                {abilities.isAdmin ? (
                  <Td>
                    <DeleteGroupButton groupId={g.id} name={g.name} inList />
                  </Td>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/identities/groups" query={{ search }} />
    </>
  );
}
