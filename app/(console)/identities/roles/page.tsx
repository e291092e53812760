import Link from "next/link";
import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { PageHeader } from "@/components/console/page-header";
import { Pagination } from "@/components/console/pagination";
import { SearchBox } from "@/components/console/search-box";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { listRoles } from "@/lib/ram/queries";
import { CreateRoleButton } from "./create-role-button";
import { DeleteRoleButton } from "./delete-role-button";

export const metadata = { title: "Roles" };

export default async function RolesPage({ searchParams }: { searchParams: Promise<{ search?: string; page?: string }> }) {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  const sp = await searchParams;
  if (!abilities.canRead) return (<><PageHeader title="Roles" /><ForbiddenNotice /></>);
  const search = sp.search?.slice(0, 128) || undefined;
  const page = Math.max(1, Number(sp.page) || 1);
  const result = await listRoles(await getDb(), principal.accountId, { search, page });
  const cols = abilities.isAdmin ? 4 : 3;
  return (
    <>
      <PageHeader
        title="Roles"
        description="A RAM role is a virtual identity with policies but no password: trusted RAM users switch to it and act with its permissions."
        actions={abilities.isAdmin ? <CreateRoleButton /> : null}
      />
      <div className="mb-3">
        <SearchBox placeholder="Search by role name or description" defaultValue={search} />
      </div>
      <Table>
        <thead>
          <tr>
            <Th>Role Name</Th>
            <Th>Description</Th>
            <Th>Created</Th>
            {abilities.isAdmin ? <Th className="w-32">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {result.items.length === 0 ? (
            <EmptyRow colSpan={cols}>{search ? "No RAM role matches your search." : "No RAM roles yet."}</EmptyRow>
          ) : (
            result.items.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link className="link" href={`/identities/roles/${r.id}`}>
                    {r.name}
                  </Link>
                </Td>
                <Td className="text-gray-600">{r.description || "—"}</Td>
                <Td>
                  <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
                </Td>
                {abilities.isAdmin ? (
                  <Td>
                    <DeleteRoleButton roleId={r.id} name={r.name} inList />
                  </Td>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/identities/roles" query={{ search }} />
    </>
  );
}
