import Link from "next/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { CreateNamedPrincipalButton } from "./create-named-principal-button";
import { DeleteNamedPrincipalButton } from "./delete-named-principal-button";
import { LocalTime } from "@/components/console/local-time";
import { namedPrincipalKinds, type NamedPrincipalKindKey } from "./named-principal-kinds";
import { PageHeader } from "@/components/console/page-header";
import { Pagination } from "@/components/console/pagination";
import { SearchBox } from "@/components/console/search-box";

type NamedPrincipalPage = {
  items: { id: string; name: string; description: string; createdAt: Date }[];
  total: number;
  page: number;
  pageSize: number;
};

/**
 * The list page of user groups or of roles: search, then name (a link to the item), description and
 * creation time, one page at a time; administrators also get Create and, per row, Delete. Receives
 * its data as props (the page reads it, app/(console)/identities/_components/named-principal-page.tsx).
 */
export function NamedPrincipalList({
  kind,
  result,
  search,
  isAdmin,
}: {
  kind: NamedPrincipalKindKey;
  result: NamedPrincipalPage;
  search: string | undefined;
  isAdmin: boolean;
}) {
  const words = namedPrincipalKinds[kind];
  const cols = isAdmin ? 4 : 3;
  return (
    <>
      <PageHeader
        title={words.title}
        description={words.description}
        actions={isAdmin ? <CreateNamedPrincipalButton kind={kind} /> : null}
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
            {isAdmin ? <Th className="w-32">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {result.items.length === 0 ? (
            <EmptyRow colSpan={cols}>{search ? words.noMatch : words.none}</EmptyRow>
          ) : (
            result.items.map((item) => (
              <tr key={item.id}>
                <Td className="long-text">
                  <Link className="link" href={`${words.pagePath}/${item.id}`}>
                    {item.name}
                  </Link>
                </Td>
                <Td className="long-text text-gray-600">{item.description || "—"}</Td>
                <Td>
                  <LocalTime value={item.createdAt} />
                </Td>
                {isAdmin ? (
                  <Td>
                    <DeleteNamedPrincipalButton kind={kind} id={item.id} name={item.name} inList />
                  </Td>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
        basePath={words.pagePath}
        query={{ search }}
      />
    </>
  );
}
