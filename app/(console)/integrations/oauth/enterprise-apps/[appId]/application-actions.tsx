"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmAction } from "@/components/console/confirm-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { apiFetch } from "@/lib/client/api-fetch";
import { ApplicationFields, type ApplicationDefaults } from "../application-fields";
import { applicationBody, fieldErrorsOf, type FieldErrors } from "../form-helpers";

type App = ApplicationDefaults & { clientId: string; type: string };

export function EditApplicationButton({ app }: { app: App }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    setErrors({});
    const res = await apiFetch(`/api/v1/apps/${app.clientId}`, { method: "PATCH", body: applicationBody(new FormData(event.currentTarget)) });
    setPending(false);
    if (!res.ok) {
      setErrors(fieldErrorsOf(res.data));
      return setMessage(res.status === 422 ? "Check the fields marked below." : res.message);
    }
    setOpen(false);
    router.refresh();
  }

  return (
    <>
      <Button onClick={() => { setErrors({}); setMessage(null); setOpen(true); }}>Edit Basic Information</Button>
      <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)} title="Edit Basic Information">
        <form onSubmit={onSubmit} noValidate>
          {message ? <Alert tone="error" className="mb-3">{message}</Alert> : null}
          <p className="mb-4 text-gray-600">
            Application type: <span className="font-medium text-gray-900">{app.type}</span> (can not be changed).
          </p>
          <ApplicationFields idPrefix="edit" type={app.type} defaults={app} errors={errors} />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)} disabled={pending}>Cancel</Button>
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
  const router = useRouter();
  return (
    <ConfirmAction
      trigger="Delete Application"
      triggerVariant="danger"
      title="Delete Application"
      description={`Delete ${name}? Its secrets stop working, every account that installed it loses access, and all of its tokens stop working at once. This can not be undone.`}
      confirmLabel="Delete Application"
      onConfirm={async () => {
        const res = await apiFetch(`/api/v1/apps/${clientId}`, { method: "DELETE" });
        if (!res.ok) return res.message;
        router.push("/integrations/oauth/enterprise-apps");
        router.refresh();
        return null;
      }}
    />
  );
}
