import Link from "next/link";
import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { LocalTime } from "@/components/console/local-time";
import { PageHeader } from "@/components/console/page-header";
import { Pagination } from "@/components/console/pagination";
import { Badge } from "@/components/ui/badge";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { logonNameOf } from "@/lib/ram/principal";
import { listUsers } from "@/lib/ram/queries";
import { readPageParams } from "@/lib/http/page-params";
import { CreateUserButton } from "../create-user-button";
import { SearchBox } from "@/components/console/search-box";

export const metadata = { title: "Users" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ search?: string; page?: string }>;
}) {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  const sp = await searchParams;
  if (!abilities.canRead)
    return (
      <>
        <PageHeader title="Users" />
        <ForbiddenNotice />
      </>
    );
  const { search, page } = readPageParams(sp);
  const result = await listUsers({ actor: principal, search, page });
  return (
    <>
      <PageHeader
        title="Users"
        description="A RAM user is an identity of your account, with its own logon name and password."
        actions={abilities.isAdmin ? <CreateUserButton alias={principal.accountAlias} /> : null}
      />
      <div className="mb-3">
        <SearchBox placeholder="Search by user name or display name" defaultValue={search} />
      </div>
      <Table>
        <thead>
          <tr>
            <Th>User Logon Name / Display Name</Th>
            <Th>Status</Th>
            <Th>Created</Th>
          </tr>
        </thead>
        <tbody>
          {result.items.length === 0 ? (
            <EmptyRow colSpan={3}>{search ? "No RAM user matches your search." : "No RAM users yet."}</EmptyRow>
          ) : (
            result.items.map((u) => (
              <tr key={u.id}>
                <Td className="long-text">
                  <Link className="link" href={`/identities/users/${u.id}`}>
                    {logonNameOf(u.name, principal.accountAlias)}
                  </Link>
                  <div className="text-gray-500">{u.displayName}</div>
                </Td>
                <Td>{u.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}</Td>
                <Td>
                  <LocalTime value={u.createdAt} />
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        basePath="/identities/users"
        query={{ search }}
      />
    </>
  );
}
