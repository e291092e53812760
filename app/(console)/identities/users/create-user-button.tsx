"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { useMutation } from "@/components/ui/use-mutation";

export function CreateUserButton({ alias }: { alias: string }) {
  const [open, setOpen] = useState(false);
  const { run, pending, error, router } = useMutation();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const res = await run<{ id: string }>(
      {
        url: "/api/v1/users",
        method: "POST",
        body: { name: form.get("name"), displayName: form.get("displayName"), password: form.get("password") },
      },
      { success: `RAM user ${form.get("name")} created.` },
    );
    if (!res.ok) return;
    setOpen(false);
    router.push(`/identities/users/${res.data.id}`);
  }

  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Create User
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title="Create User">
        <form onSubmit={onSubmit}>
          {error ? (
            <Alert tone="error" className="mb-3">
              {error}
            </Alert>
          ) : null}
          <Field label="Logon name" htmlFor="new-user-name" hint={`The user signs in as name@${alias}.onaliyun.com`}>
            <div className="flex items-center gap-1">
              <Input id="new-user-name" name="name" required maxLength={64} autoComplete="off" />
              <span className="whitespace-nowrap text-gray-500">@{alias}.onaliyun.com</span>
            </div>
          </Field>
          <Field label="Display name" htmlFor="new-user-display">
            <Input id="new-user-display" name="displayName" required maxLength={128} />
          </Field>
          <Field
            label="Console password"
            htmlFor="new-user-password"
            hint="At least 8 characters, with upper- and lowercase letters and digits."
          >
            <Input id="new-user-password" name="password" type="password" required autoComplete="new-password" />
          </Field>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={pending}>
              {pending ? "Creating…" : "OK"}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
