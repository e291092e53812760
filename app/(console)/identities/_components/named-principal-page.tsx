import { getTranslations } from "next-intl/server";
import { ForbiddenPage } from "@/components/console/forbidden-notice";
import { NamedPrincipalList } from "./named-principal-list";
import type { NamedPrincipalKindKey } from "./named-principal-kinds";
import { getAbilities, requirePrincipal } from "@/lib/auth/current";
import { readPageParams } from "@/lib/http/page-params";
import { listGroups, listRoles } from "@/lib/ram/queries";

const lists = { group: listGroups, role: listRoles };

/** The user groups or the roles list page: reads one page as the signed-in principal. */
export async function NamedPrincipalPage({
  kind,
  searchParams,
}: {
  kind: NamedPrincipalKindKey;
  searchParams: Promise<{ search?: string; page?: string }>;
}) {
  const principal = await requirePrincipal();
  const abilities = await getAbilities();
  if (!abilities.canRead) {
    const t = await getTranslations("identities");
    return <ForbiddenPage title={t(`${kind}.title`)} />;
  }
  const { search, page } = readPageParams(await searchParams);
  const result = await lists[kind]({ actor: principal, search, page });
  return <NamedPrincipalList kind={kind} result={result} search={search} isAdmin={abilities.isAdmin} />;
}
