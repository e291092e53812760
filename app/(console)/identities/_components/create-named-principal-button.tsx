"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { useMutation } from "@/components/ui/use-mutation";
import { namedPrincipalKinds, type NamedPrincipalKindKey } from "./named-principal-kinds";

/** Create User Group / Create Role: a dialog asking for a name and a description, then the new item's page. */
export function CreateNamedPrincipalButton({ kind }: { kind: NamedPrincipalKindKey }) {
  const { noun, nameLabel, apiPath, pagePath } = namedPrincipalKinds[kind];
  const [open, setOpen] = useState(false);
  const { run, pending, error, reset, router } = useMutation();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const res = await run<{ id: string }>(
      { url: apiPath, method: "POST", body: { name: form.get("name"), description: form.get("description") } },
      { success: `${noun} ${form.get("name")} created.` },
    );
    if (!res.ok) return;
    setOpen(false);
    router.push(`${pagePath}/${res.data.id}`);
  }

  return (
    <>
      <Button
        variant="primary"
        onClick={() => {
          reset();
          setOpen(true);
        }}
      >
        {`Create ${noun}`}
      </Button>
      <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)} title={`Create ${noun}`}>
        <form onSubmit={onSubmit}>
          {error ? (
            <Alert tone="error" className="mb-3">
              {error}
            </Alert>
          ) : null}
          <Field label={nameLabel} htmlFor={`new-${kind}-name`} hint="1–64 lowercase letters, digits, '.', '_' or '-'.">
            <Input id={`new-${kind}-name`} name="name" required maxLength={64} autoComplete="off" />
          </Field>
          <Field label="Description" htmlFor={`new-${kind}-description`}>
            <Input id={`new-${kind}-description`} name="description" maxLength={256} autoComplete="off" />
          </Field>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={pending}>
              {pending ? "Creating…" : "OK"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
