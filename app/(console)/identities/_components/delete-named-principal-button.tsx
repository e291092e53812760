"use client";

import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { namedPrincipalKinds, type NamedPrincipalKindKey } from "./named-principal-kinds";

/** Delete User Group / Delete Role, from the list's Actions column (link) or the item's own page (button). */
export function DeleteNamedPrincipalButton({
  kind,
  id,
  name,
  inList = false,
}: {
  kind: NamedPrincipalKindKey;
  id: string;
  name: string;
  inList?: boolean;
}) {
  const { apiPath, pagePath } = namedPrincipalKinds[kind];
  const t = useTranslations("identities");
  return (
    <ConfirmAction
      trigger={inList ? t("common.delete") : t(`${kind}.deleteTitle`)}
      triggerVariant={inList ? "link" : "danger"}
      title={t(`${kind}.deleteTitle`)}
      description={t(`${kind}.deleteWarning`, { name })}
      request={{ url: `${apiPath}/${id}`, method: "DELETE" }}
      success={t(`${kind}.deleted`, { name })}
      redirectTo={inList ? undefined : pagePath}
    />
  );
}
