import Link from "next/link";
import { useTranslations } from "next-intl";
import { actionsColumn } from "@/components/console/data-table";
import { CreateNamedPrincipalButton } from "./create-named-principal-button";
import { DeleteNamedPrincipalButton } from "./delete-named-principal-button";
import { LocalTime } from "@/components/console/local-time";
import { namedPrincipalKinds, type NamedPrincipalKindKey } from "./named-principal-kinds";
import { PageHeader } from "@/components/console/page-header";
import { SearchableList } from "@/components/console/searchable-list";

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
  const { pagePath } = namedPrincipalKinds[kind];
  const t = useTranslations("identities");
  return (
    <>
      <PageHeader
        title={t(`${kind}.title`)}
        description={t(`${kind}.description`)}
        actions={isAdmin ? <CreateNamedPrincipalButton kind={kind} /> : null}
      />
      <SearchableList
        searchPlaceholder={t(`${kind}.searchPlaceholder`)}
        search={search}
        result={result}
        basePath={pagePath}
        rowKey={(item) => item.id}
        empty={search ? t(`${kind}.noMatch`) : t(`${kind}.none`)}
        columns={[
          {
            header: t(`${kind}.nameColumn`),
            className: "long-text",
            cell: (item) => (
              <Link className="link" href={`${pagePath}/${item.id}`}>
                {item.name}
              </Link>
            ),
          },
          {
            header: t("common.description"),
            className: "long-text text-gray-600",
            cell: (item) => item.description || "—",
          },
          { header: t("common.created"), cell: (item) => <LocalTime value={item.createdAt} /> },
          isAdmin &&
            actionsColumn("w-32", (item: NamedPrincipalPage["items"][number]) => (
              <DeleteNamedPrincipalButton kind={kind} id={item.id} name={item.name} inList />
            )),
        ]}
      />
    </>
  );
}
