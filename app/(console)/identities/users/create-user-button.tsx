"use client";

import { Field, Input } from "@/components/ui/input";
import { CreateDialog } from "../_components/create-dialog";

export function CreateUserButton({ alias }: { alias: string }) {
  return (
    <CreateDialog
      title="Create User"
      url="/api/v1/users"
      body={(f) => ({ name: f.get("name"), displayName: f.get("displayName"), password: f.get("password") })}
      success={(f) => `RAM user ${f.get("name")} created.`}
      pagePath="/identities/users"
    >
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
    </CreateDialog>
  );
}
