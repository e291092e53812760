import Link from "next/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { getDb, type Db } from "@/db/client";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { CreateNamedPrincipalButton } from "./create-named-principal-button";
import { DeleteNamedPrincipalButton } from "./delete-named-principal-button";
import { ForbiddenNotice } from "@/components/console/forbidden-notice";
import { LocalTime } from "@/components/console/local-time";
import { namedPrincipalKinds, type NamedPrincipalKindKey } from "./named-principal-kinds";
import { PageHeader } from "@/components/console/page-header";
import { Pagination } from "@/components/console/pagination";
import { SearchBox } from "@/components/console/search-box";

type ListNamed = (
  db: Db,
  accountId: string,
  opts: { search?: string; page?: number },
) => Promise<{ items: { id: string; name: string; description: string; createdAt: Date }[]; total: number; page: number; pageSize: number }>;

/**
 * The list page of user groups or of roles: search, then name (a link to the item), description and
 * creation time, one page at a time; administrators also get Create and, per row, Delete.
 */
export async function NamedPrincipalList({
  kind,
  list,
  searchParams,
}: {
  kind: NamedPrincipalKindKey;
  list: ListNamed;
  searchParams: Promise<{ search?: string; page?: string }>;
}) {
  const words = namedPrincipalKinds[kind];
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  const sp = await searchParams;
  if (!abilities.canRead) return (<><PageHeader title={words.title} /><ForbiddenNotice /></>);
  const search = sp.search?.slice(0, 128) || undefined;
  const page = Math.max(1, Number(sp.page) || 1);
  const result = await list(await getDb(), principal.accountId, { search, page });
  const cols = abilities.isAdmin ? 4 : 3;
  return (
    <>
      <PageHeader
        title={words.title}
        description={words.description}
        actions={abilities.isAdmin ? <CreateNamedPrincipalButton kind={kind} /> : null}
      />
      <div className="mb-3">
        <SearchBox placeholder={words.searchPlaceholder} defaultValue={search} />
      </div>
      <Table>
        <thead>
          <tr>
            <Th>{words.nameColumn}</Th>
            <Th>Description</Th>
            <Th>Created</Th>
            {abilities.isAdmin ? <Th className="w-32">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {result.items.length === 0 ? (
            <EmptyRow colSpan={cols}>{search ? words.noMatch : words.none}</EmptyRow>
          ) : (
            result.items.map((item) => (
              <tr key={item.id}>
                <Td>
                  <Link className="link" href={`${words.pagePath}/${item.id}`}>
                    {item.name}
                  </Link>
                </Td>
                <Td className="text-gray-600">{item.description || "—"}</Td>
                <Td>
                  <LocalTime value={item.createdAt} />
                </Td>
                {abilities.isAdmin ? (
                  <Td>
                    <DeleteNamedPrincipalButton kind={kind} id={item.id} name={item.name} inList />
                  </Td>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath={words.pagePath} query={{ search }} />
    </>
  );
}
