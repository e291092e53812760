"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { actionsColumn } from "@/components/console/data-table";
import { ActionDialog } from "@/components/console/action-dialog";
import { RadioCards } from "@/components/console/radio-cards";
import { TableSection } from "@/components/console/table-section";
import { Button } from "@/components/ui/button";
import { useMutation } from "@/components/ui/use-mutation";

type Policy = { name: string; description: string };

/** The Permissions table of a user, group or role, with Grant Permission / Revoke for administrators. */
export function PolicyAttachments({
  apiBase,
  attached,
  catalog,
  canEdit,
}: {
  apiBase: string;
  attached: string[];
  catalog: Policy[];
  canEdit: boolean;
}) {
  const t = useTranslations("identities.permissions");
  const [selected, setSelected] = useState("");
  const { run, error } = useMutation();
  const available = catalog.filter((p) => !attached.includes(p.name));
  const detach = (name: string) =>
    run(
      { url: `${apiBase}/${encodeURIComponent(name)}`, method: "DELETE" },
      { success: t("revoked", { policy: name }) },
    );

  const grant = (
    <ActionDialog
      trigger={t("grant")}
      triggerProps={{ disabled: available.length === 0 }}
      title={t("grant")}
      pendingLabel={t("granting")}
      onOpen={() => setSelected("")}
      onSubmit={async ({ run, setError }) => {
        if (!selected) return setError(t("selectPolicy"));
        const body = { policyName: selected };
        return (await run({ url: apiBase, method: "POST", body }, { success: t("granted", { policy: selected }) })).ok;
      }}
    >
      <RadioCards
        id="policy"
        legend={t("legend")}
        value={selected}
        onValueChange={setSelected}
        options={available.map((p) => ({ value: p.name, label: p.name, description: p.description }))}
      />
    </ActionDialog>
  );

  return (
    <TableSection
      title={t("title")}
      action={canEdit ? grant : null}
      error={error}
      rows={attached}
      rowKey={(name) => name}
      empty={t("empty")}
      columns={[
        { header: t("policy"), className: "font-medium", cell: (name) => name },
        {
          header: t("description"),
          className: "text-gray-600",
          cell: (name) => catalog.find((p) => p.name === name)?.description,
        },
        canEdit &&
          actionsColumn("w-40", (name: string) => (
            <Button variant="link" onClick={() => detach(name)} aria-label={t("revokeLabel", { policy: name })}>
              {t("revoke")}
            </Button>
          )),
      ]}
    />
  );
}
