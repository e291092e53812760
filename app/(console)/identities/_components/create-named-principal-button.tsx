"use client";

import { Field, Input } from "@/components/ui/input";
import { CreateDialog } from "./create-dialog";
import { namedPrincipalKinds, type NamedPrincipalKindKey } from "./named-principal-kinds";

/** Create User Group / Create Role: a dialog asking for a name and a description, then the new item's page. */
export function CreateNamedPrincipalButton({ kind }: { kind: NamedPrincipalKindKey }) {
  const { noun, nameLabel, apiPath, pagePath } = namedPrincipalKinds[kind];
  return (
    <CreateDialog
      title={`Create ${noun}`}
      url={apiPath}
      body={(f) => ({ name: f.get("name"), description: f.get("description") })}
      success={(f) => `${noun} ${f.get("name")} created.`}
      pagePath={pagePath}
    >
      <Field label={nameLabel} htmlFor={`new-${kind}-name`} hint="1–64 lowercase letters, digits, '.', '_' or '-'.">
        <Input id={`new-${kind}-name`} name="name" required maxLength={64} autoComplete="off" />
      </Field>
      <Field label="Description" htmlFor={`new-${kind}-description`}>
        <Input id={`new-${kind}-description`} name="description" maxLength={256} autoComplete="off" />
      </Field>
    </CreateDialog>
  );
}
