"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { useMutation } from "@/components/ui/use-mutation";
import { LocalTime } from "@/components/console/local-time";
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

  const full = secrets.length >= MAX_SECRETS;
  return (
    <section aria-label="App Secrets">
      <div className="mb-3 flex items-center justify-between gap-4">
        <p className="text-gray-600">
          An application has at most {MAX_SECRETS} secrets, so that you can rotate one without downtime. Only the first
          characters of each secret are shown.
        </p>
        {canEdit ? (
          <Button
            variant="primary"
            className="shrink-0"
            onClick={create}
            disabled={pending || full}
            title={full ? "Delete a secret first" : undefined}
          >
            {pending ? "Creating…" : "Create Secret"}
          </Button>
        ) : null}
      </div>
      {error ? (
        <Alert tone="error" className="mb-2">
          {error}
        </Alert>
      ) : null}
      <Table>
        <thead>
          <tr>
            <Th>Secret</Th>
            <Th>Creation Time</Th>
            {canEdit ? <Th className="w-32">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {secrets.length === 0 ? (
            <EmptyRow colSpan={canEdit ? 3 : 2}>
              No secrets. The application can not authenticate until you create one.
            </EmptyRow>
          ) : null}
          {secrets.map((s) => (
            <tr key={s.id}>
              <Td className="font-mono">{s.prefix}••••••••</Td>
              <Td>
                <LocalTime value={s.createdAt} />
              </Td>
              {canEdit ? (
                <Td>
                  <ConfirmAction
                    trigger="Delete"
                    triggerVariant="link"
                    title="Delete Secret"
                    description={`Delete the secret ${s.prefix}…? The application can no longer authenticate with it.`}
                    confirmLabel="Delete"
                    request={{ url: `/api/v1/apps/${clientId}/secrets/${s.id}`, method: "DELETE" }}
                    success={`Secret ${s.prefix}… deleted.`}
                  />
                </Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
      <SecretDialog title="Secret Created" clientId={clientId} secret={fresh} onClose={() => setFresh(null)} />
    </section>
  );
}
