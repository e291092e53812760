import Link from "next/link";
import { ForbiddenPage } from "@/components/console/forbidden-notice";
import { LocalTime } from "@/components/console/local-time";
import { PageHeader } from "@/components/console/page-header";
import { SearchableList } from "@/components/console/searchable-list";
import { Badge } from "@/components/ui/badge";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { logonNameOf } from "@/lib/ram/principal";
import { listUsers } from "@/lib/ram/queries";
import { readPageParams } from "@/lib/http/page-params";
import { CreateUserButton } from "../create-user-button";

export const metadata = { title: "Users" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ search?: string; page?: string }>;
}) {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead) return <ForbiddenPage title="Users" />;
  const { search, page } = readPageParams(await searchParams);
  const result = await listUsers({ actor: principal, search, page });
  return (
    <>
      <PageHeader
        title="Users"
        description="A RAM user is an identity of your account, with its own logon name and password."
        actions={abilities.isAdmin ? <CreateUserButton alias={principal.accountAlias} /> : null}
      />
      <SearchableList
        searchPlaceholder="Search by user name or display name"
        search={search}
        result={result}
        basePath="/identities/users"
        rowKey={(u) => u.id}
        empty={search ? "No RAM user matches your search." : "No RAM users yet."}
        columns={[
          {
            header: "User Logon Name / Display Name",
            className: "long-text",
            cell: (u) => (
              <>
                <Link className="link" href={`/identities/users/${u.id}`}>
                  {logonNameOf(u.name, principal.accountAlias)}
                </Link>
                <div className="text-gray-500">{u.displayName}</div>
              </>
            ),
          },
          {
            header: "Status",
            cell: (u) => (u.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>),
          },
          { header: "Created", cell: (u) => <LocalTime value={u.createdAt} /> },
        ]}
      />
    </>
  );
}
