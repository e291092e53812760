"use client";

import { useState } from "react";
import { ActionDialog } from "@/components/console/action-dialog";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { ApplicationFields, type ApplicationDefaults } from "../application-fields";
import { applicationBody, fieldErrorsOf, type FieldErrors } from "../form-helpers";

type App = ApplicationDefaults & { clientId: string; type: string };

export function EditApplicationButton({ app }: { app: App }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <ActionDialog
      trigger="Edit Basic Information"
      triggerProps={{ variant: "secondary" }}
      title="Edit Basic Information"
      pendingLabel="Saving…"
      form="server"
      onOpen={() => setErrors({})}
      onSubmit={async ({ run, setError }, fields) => {
        setErrors({});
        const request = { url: `/api/v1/apps/${app.clientId}`, method: "PATCH", body: applicationBody(fields) };
        const res = await run(request, { success: "Basic information saved." });
        if (res.ok) return true;
        setErrors(fieldErrorsOf(res.data));
        if (res.status === 422) setError("Check the fields marked below.");
      }}
    >
      <p className="mb-4 text-gray-600">
        Application type: <span className="font-medium text-gray-900">{app.type}</span> (cannot be changed).
      </p>
      <ApplicationFields idPrefix="edit" type={app.type} defaults={app} errors={errors} />
    </ActionDialog>
  );
}

export function DeleteApplicationButton({ clientId, name }: { clientId: string; name: string }) {
  return (
    <ConfirmAction
      trigger="Delete Application"
      triggerVariant="danger"
      description={`Delete ${name}? Its secrets stop working, every account that installed it loses access, and all of its tokens stop working at once. This cannot be undone.`}
      request={{ url: `/api/v1/apps/${clientId}`, method: "DELETE" }}
      success={`Application ${name} deleted.`}
      redirectTo="/integrations/oauth/enterprise-apps"
    />
  );
}
