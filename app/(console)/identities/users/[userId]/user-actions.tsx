"use client";

import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function UserActions({ userId, logonName, enabled }: { userId: string; logonName: string; enabled: boolean }) {
  const t = useTranslations("identities.users");
  const dialog = useTranslations("console.dialog");
  const name = logonName;
  return (
    <>
      <ConfirmAction
        trigger={enabled ? t("logon.disable") : t("logon.enable")}
        description={enabled ? t("logon.disableWarning", { name }) : t("logon.enableWarning", { name })}
        confirmLabel={dialog("ok")}
        request={{ url: `/api/v1/users/${userId}`, method: "PATCH", body: { enabled: !enabled } }}
        success={enabled ? t("logon.disabled", { name }) : t("logon.enabled", { name })}
      />
      <ConfirmAction
        trigger={t("delete.title")}
        triggerVariant="danger"
        description={t("delete.warning", { name })}
        request={{ url: `/api/v1/users/${userId}`, method: "DELETE" }}
        success={t("delete.deleted", { name })}
        redirectTo="/identities/users"
      />
    </>
  );
}
