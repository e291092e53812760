"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionDialog } from "@/components/console/action-dialog";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { ApplicationFields, type ApplicationDefaults } from "../application-fields";
import { applicationBody, fieldErrorsOf, type FieldErrors } from "../form-helpers";

type App = ApplicationDefaults & { clientId: string; type: string };

export function EditApplicationButton({ app }: { app: App }) {
  const t = useTranslations("enterpriseApps.edit");
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <ActionDialog
      trigger={t("trigger")}
      triggerProps={{ variant: "secondary" }}
      title={t("trigger")}
      pendingLabel={t("saving")}
      form="server"
      onOpen={() => setErrors({})}
      onSubmit={async ({ run, setError }, fields) => {
        setErrors({});
        const request = { url: `/api/v1/apps/${app.clientId}`, method: "PATCH", body: applicationBody(fields) };
        const res = await run(request, { success: t("success") });
        if (res.ok) return true;
        setErrors(fieldErrorsOf(res.data));
        if (res.status === 422) setError(t("checkFields"));
      }}
    >
      <p className="mb-4 text-gray-600">
        {t.rich("typeNote", {
          type: app.type,
          b: (chunks) => <span className="font-medium text-gray-900">{chunks}</span>,
        })}
      </p>
      <ApplicationFields idPrefix="edit" type={app.type} defaults={app} errors={errors} />
    </ActionDialog>
  );
}

export function DeleteApplicationButton({ clientId, name }: { clientId: string; name: string }) {
  const t = useTranslations("enterpriseApps.delete");
  return (
    <ConfirmAction
      trigger={t("trigger")}
      triggerVariant="danger"
      description={t("description", { name })}
      request={{ url: `/api/v1/apps/${clientId}`, method: "DELETE" }}
      success={t("success", { name })}
      redirectTo="/integrations/oauth/enterprise-apps"
    />
  );
}
