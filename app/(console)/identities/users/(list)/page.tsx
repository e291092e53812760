import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("identities.users"))("title") };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ search?: string; page?: string }>;
}) {
  const t = await getTranslations("identities");
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead) return <ForbiddenPage title={t("users.title")} />;
  const { search, page } = readPageParams(await searchParams);
  const result = await listUsers({ actor: principal, search, page });
  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={abilities.isAdmin ? <CreateUserButton alias={principal.accountAlias} /> : null}
      />
      <SearchableList
        searchPlaceholder={t("users.searchPlaceholder")}
        search={search}
        result={result}
        basePath="/identities/users"
        rowKey={(u) => u.id}
        empty={search ? t("users.noMatch") : t("users.none")}
        columns={[
          {
            header: t("users.nameColumn"),
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
            header: t("users.status"),
            cell: (u) =>
              u.enabled ? (
                <Badge tone="green">{t("users.enabled")}</Badge>
              ) : (
                <Badge tone="red">{t("users.disabled")}</Badge>
              ),
          },
          { header: t("common.created"), cell: (u) => <LocalTime value={u.createdAt} /> },
        ]}
      />
    </>
  );
}
