"use client";

import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ui/confirm-action";

/** Delete Application: revokes the application's authorization for the whole account. */
export function DeleteAppButton({
  clientId,
  name,
  variant,
  afterDelete,
}: {
  clientId: string;
  name: string;
  variant: "link" | "danger";
  afterDelete?: string;
}) {
  const t = useTranslations("thirdPartyApps.delete");
  return (
    <ConfirmAction
      trigger={t("trigger")}
      triggerVariant={variant}
      description={
        <>
          <span className="mb-2 block">
            {t.rich("question", { name, clientId, b: (chunks) => <strong>{chunks}</strong> })}
          </span>
          <span className="block">{t("consequences")}</span>
        </>
      }
      request={{ url: `/api/v1/third-party-apps/${encodeURIComponent(clientId)}`, method: "DELETE" }}
      success={t("success", { name })}
      redirectTo={afterDelete}
    />
  );
}
