"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Dialog } from "@/components/ui/dialog";
import { useMutation } from "@/components/ui/use-mutation";
import { ApplicationFields, type ApplicationDefaults } from "../application-fields";
import { applicationBody, fieldErrorsOf, type FieldErrors } from "../form-helpers";

type App = ApplicationDefaults & { clientId: string; type: string };

export function EditApplicationButton({ app }: { app: App }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { run, pending, error, setError } = useMutation();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    const body = applicationBody(new FormData(event.currentTarget));
    const res = await run(
      { url: `/api/v1/apps/${app.clientId}`, method: "PATCH", body },
      { success: "Basic information saved." },
    );
    if (!res.ok) {
      setErrors(fieldErrorsOf(res.data));
      if (res.status === 422) setError("Check the fields marked below.");
      return;
    }
    setOpen(false);
  }

  return (
    <>
      <Button
        onClick={() => {
          setErrors({});
          setError(null);
          setOpen(true);
        }}
      >
        Edit Basic Information
      </Button>
      <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)} title="Edit Basic Information">
        <form onSubmit={onSubmit} noValidate>
          {error ? (
            <Alert tone="error" className="mb-3">
              {error}
            </Alert>
          ) : null}
          <p className="mb-4 text-gray-600">
            Application type: <span className="font-medium text-gray-900">{app.type}</span> (can not be changed).
          </p>
          <ApplicationFields idPrefix="edit" type={app.type} defaults={app} errors={errors} />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={pending}>
              {pending ? "Saving…" : "OK"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

export function DeleteApplicationButton({ clientId, name }: { clientId: string; name: string }) {
  return (
    <ConfirmAction
      trigger="Delete Application"
      triggerVariant="danger"
      title="Delete Application"
      description={`Delete ${name}? Its secrets stop working, every account that installed it loses access, and all of its tokens stop working at once. This can not be undone.`}
      confirmLabel="Delete Application"
      request={{ url: `/api/v1/apps/${clientId}`, method: "DELETE" }}
      success={`Application ${name} deleted.`}
      redirectTo="/integrations/oauth/enterprise-apps"
    />
  );
}
