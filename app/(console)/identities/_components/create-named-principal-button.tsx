"use client";

import { useTranslations } from "next-intl";
import { Field, Input } from "@/components/ui/input";
import { CreateDialog } from "./create-dialog";
import { namedPrincipalKinds, type NamedPrincipalKindKey } from "./named-principal-kinds";

/** Create User Group / Create Role: a dialog asking for a name and a description, then the new item's page. */
export function CreateNamedPrincipalButton({ kind }: { kind: NamedPrincipalKindKey }) {
  const { apiPath, pagePath } = namedPrincipalKinds[kind];
  const t = useTranslations("identities");
  return (
    <CreateDialog
      title={t(`${kind}.createTitle`)}
      url={apiPath}
      body={(f) => ({ name: f.get("name"), description: f.get("description") })}
      success={(f) => t(`${kind}.created`, { name: String(f.get("name")) })}
      pagePath={pagePath}
    >
      <Field label={t(`${kind}.nameLabel`)} htmlFor={`new-${kind}-name`} hint={t("common.nameHint")}>
        <Input id={`new-${kind}-name`} name="name" required maxLength={64} autoComplete="off" />
      </Field>
      <Field label={t("common.description")} htmlFor={`new-${kind}-description`}>
        <Input id={`new-${kind}-description`} name="description" maxLength={256} autoComplete="off" />
      </Field>
    </CreateDialog>
  );
}
