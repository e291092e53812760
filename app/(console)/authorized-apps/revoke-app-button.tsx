"use client";

import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ui/confirm-action";

/**
 * Revoke on My Authorized Applications: the person ends their own access of one application, after
 * a confirmation that says what goes (their personal consent and tokens, or their tokens only).
 */
export function RevokeAppButton({ clientId, name, consent }: { clientId: string; name: string; consent: boolean }) {
  const t = useTranslations("authorizedApps.revoke");
  return (
    <ConfirmAction
      trigger={t("trigger")}
      triggerVariant="link"
      triggerLabel={t("label", { app: name })}
      title={t("title", { app: name })}
      confirmLabel={t("ok")}
      description={consent ? t("consent", { app: name }) : t("tokens", { app: name })}
      request={{ url: `/api/v1/me/authorized-apps/${encodeURIComponent(clientId)}`, method: "DELETE" }}
      success={t("success", { app: name })}
    />
  );
}
