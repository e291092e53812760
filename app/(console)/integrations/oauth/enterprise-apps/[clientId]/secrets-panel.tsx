"use client";

import { actionsColumn } from "@/components/console/data-table";
import { useState } from "react";
import { LocalTime } from "@/components/console/local-time";
import { TableSection } from "@/components/console/table-section";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { useMutation } from "@/components/ui/use-mutation";
import { SecretDialog } from "../secret-dialog";

const MAX_SECRETS = 2;

type Secret = { id: string; prefix: string; createdAt: string };

/** The App Secrets tab: prefixes and creation times only; a new secret is shown once, in a dialog. */
export function SecretsPanel({
  clientId,
  type,
  secrets,
  canEdit,
}: {
  clientId: string;
  type: string;
  secrets: Secret[];
  canEdit: boolean;
}) {
  const { run, pending, error } = useMutation();
  const [fresh, setFresh] = useState<string | null>(null);

  if (type === "NativeApp") {
    return (
      <Alert tone="info">
        A NativeApp is a public client: it has no secret and proves itself with PKCE on every authorization.
      </Alert>
    );
  }

  async function create() {
    const res = await run<{ secret: string }>(
      { url: `/api/v1/apps/${clientId}/secrets`, method: "POST" },
      { success: "Secret created." },
    );
    if (res.ok) setFresh(res.data.secret);
  }

  const deleteButton = (s: Secret) => (
    <ConfirmAction
      trigger="Delete"
      triggerVariant="link"
      title="Delete Secret"
      description={`Delete the secret ${s.prefix}…? The application can no longer authenticate with it.`}
      confirmLabel="Delete"
      request={{ url: `/api/v1/apps/${clientId}/secrets/${s.id}`, method: "DELETE" }}
      success={`Secret ${s.prefix}… deleted.`}
    />
  );
  const full = secrets.length >= MAX_SECRETS;
  const createButton = (
    <Button
      variant="primary"
      className="shrink-0"
      onClick={create}
      disabled={pending || full}
      title={full ? "Delete a secret first" : undefined}
    >
      {pending ? "Creating…" : "Create Secret"}
    </Button>
  );
  return (
    <TableSection
      title="App Secrets"
      heading={false}
      description={`An application has at most ${MAX_SECRETS} secrets, so that you can rotate one without downtime. Only the first characters of each secret are shown.`}
      action={canEdit ? createButton : null}
      error={error}
      rows={secrets}
      rowKey={(s) => s.id}
      empty="No secrets. The application cannot authenticate until you create one."
      columns={[
        { header: "Secret", className: "font-mono", cell: (s) => `${s.prefix}••••••••` },
        { header: "Creation Time", cell: (s) => <LocalTime value={s.createdAt} /> },
        canEdit && actionsColumn("w-32", deleteButton),
      ]}
    >
      <SecretDialog title="Secret Created" clientId={clientId} secret={fresh} onClose={() => setFresh(null)} />
    </TableSection>
  );
}
