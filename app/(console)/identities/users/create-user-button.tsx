"use client";

import { useTranslations } from "next-intl";
import { Field, Input } from "@/components/ui/input";
import { CreateDialog } from "../_components/create-dialog";

export function CreateUserButton({ alias }: { alias: string }) {
  const t = useTranslations("identities.users.create");
  const domain = `${alias}.onaliyun.com`;
  return (
    <CreateDialog
      title={t("title")}
      url="/api/v1/users"
      body={(f) => ({ name: f.get("name"), displayName: f.get("displayName"), password: f.get("password") })}
      success={(f) => t("created", { name: String(f.get("name")) })}
      pagePath="/identities/users"
    >
      <Field label={t("logonName")} htmlFor="new-user-name" hint={t("logonHint", { domain })}>
        <div className="flex items-center gap-1">
          <Input id="new-user-name" name="name" required maxLength={64} autoComplete="off" />
          <span className="whitespace-nowrap text-gray-500">{`@${domain}`}</span>
        </div>
      </Field>
      <Field label={t("displayName")} htmlFor="new-user-display">
        <Input id="new-user-display" name="displayName" required maxLength={128} />
      </Field>
      <Field label={t("password")} htmlFor="new-user-password" hint={t("passwordHint")}>
        <Input id="new-user-password" name="password" type="password" required autoComplete="new-password" />
      </Field>
    </CreateDialog>
  );
}
