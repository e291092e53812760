"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { apiFetch } from "@/lib/client/api-fetch";

export function CreateGroupButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const res = await apiFetch<{ id: string }>("/api/v1/groups", {
      method: "POST",
      body: { name: form.get("name"), description: form.get("description") },
    });
    setPending(false);
    if (!res.ok) return setError(res.message);
    setOpen(false);
    router.push(`/identities/groups/${res.data.id}`);
  }

  return (
    <>
      <Button variant="primary" onClick={() => { setError(null); setOpen(true); }}>
        Create User Group
      </Button>
      <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)} title="Create User Group">
        <form onSubmit={onSubmit}>
          {error ? <Alert tone="error" className="mb-3">{error}</Alert> : null}
          <Field label="Group name" htmlFor="new-group-name" hint="1–64 lowercase letters, digits, '.', '_' or '-'.">
            <Input id="new-group-name" name="name" required maxLength={64} autoComplete="off" />
          </Field>
          <Field label="Description" htmlFor="new-group-description">
            <Input id="new-group-description" name="description" maxLength={256} autoComplete="off" />
          </Field>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)} disabled={pending}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={pending}>
              {pending ? "Creating…" : "OK"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
