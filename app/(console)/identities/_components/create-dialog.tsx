"use client";

import { useTranslations } from "next-intl";
import { ActionDialog } from "@/components/console/action-dialog";

/** Create User / Create User Group / Create Role: a form in a dialog that POSTs `body`, then opens the new item's page. */
export function CreateDialog({
  title,
  url,
  body,
  success,
  pagePath,
  children,
}: {
  title: string;
  url: string;
  body: (fields: FormData) => Record<string, FormDataEntryValue | null>;
  success: (fields: FormData) => string;
  /** The new item's page is `${pagePath}/${id}`. */
  pagePath: string;
  children: React.ReactNode;
}) {
  const t = useTranslations("identities.common");
  return (
    <ActionDialog
      trigger={title}
      title={title}
      pendingLabel={t("creating")}
      form="native"
      onSubmit={async ({ run, router }, fields) => {
        const res = await run<{ id: string }>(
          { url, method: "POST", body: body(fields) },
          { success: success(fields) },
        );
        if (res.ok) router.push(`${pagePath}/${res.data.id}`);
        return res.ok;
      }}
    >
      {children}
    </ActionDialog>
  );
}
