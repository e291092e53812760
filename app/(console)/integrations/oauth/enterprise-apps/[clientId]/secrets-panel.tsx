"use client";

import { actionsColumn } from "@/components/console/data-table";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("enterpriseApps.secrets");
  const { run, pending, error } = useMutation();
  const [fresh, setFresh] = useState<string | null>(null);

  if (type === "NativeApp") {
    return <Alert tone="info">{t("nativeApp")}</Alert>;
  }

  async function create() {
    const res = await run<{ secret: string }>(
      { url: `/api/v1/apps/${clientId}/secrets`, method: "POST" },
      { success: t("created") },
    );
    if (res.ok) setFresh(res.data.secret);
  }

  const deleteButton = (s: Secret) => (
    <ConfirmAction
      trigger={t("delete")}
      triggerVariant="link"
      title={t("deleteTitle")}
      description={t("deleteDescription", { prefix: s.prefix })}
      confirmLabel={t("delete")}
      request={{ url: `/api/v1/apps/${clientId}/secrets/${s.id}`, method: "DELETE" }}
      success={t("deleted", { prefix: s.prefix })}
    />
  );
  const full = secrets.length >= MAX_SECRETS;
  const createButton = (
    <Button
      variant="primary"
      className="shrink-0"
      onClick={create}
      disabled={pending || full}
      title={full ? t("full") : undefined}
    >
      {pending ? t("creating") : t("create")}
    </Button>
  );
  return (
    <TableSection
      title={t("title")}
      heading={false}
      description={t("description", { max: MAX_SECRETS })}
      action={canEdit ? createButton : null}
      error={error}
      rows={secrets}
      rowKey={(s) => s.id}
      empty={t("empty")}
      columns={[
        { header: t("columns.secret"), className: "font-mono", cell: (s) => `${s.prefix}••••••••` },
        { header: t("columns.createdAt"), cell: (s) => <LocalTime value={s.createdAt} /> },
        canEdit && actionsColumn("w-32", deleteButton),
      ]}
    >
      <SecretDialog title={t("createdTitle")} clientId={clientId} secret={fresh} onClose={() => setFresh(null)} />
    </TableSection>
  );
}
