"use client";

import { useTranslations } from "next-intl";
import { ActionDialog } from "@/components/console/action-dialog";
import { Textarea } from "@/components/ui/textarea";

/** Deny, with the reason the people who asked see the next time they open the application. */
export function DenyDialog({ requestId, name }: { requestId: string; name: string }) {
  const t = useTranslations("approvals.deny");
  return (
    <ActionDialog
      trigger={t("trigger")}
      triggerProps={{ variant: "link", "aria-label": t("label", { app: name }) }}
      title={t("title", { app: name })}
      description={t("description", { app: name })}
      pendingLabel={t("pending")}
      form="server"
      onSubmit={async ({ run }, fields) => {
        const request = {
          url: `/api/v1/approval-requests/${requestId}/deny`,
          method: "POST",
          body: { reason: String(fields.get("reason") ?? "") },
        };
        return (await run(request, { success: t("success", { app: name }) })).ok;
      }}
    >
      <label htmlFor={`deny-reason-${requestId}`} className="mb-1 block font-medium">
        {t("reason")}
      </label>
      <Textarea id={`deny-reason-${requestId}`} name="reason" rows={3} maxLength={500} required />
    </ActionDialog>
  );
}
