"use client";

import { actionsColumn } from "@/components/console/data-table";
import { useState } from "react";
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
  const [selected, setSelected] = useState("");
  const { run, error } = useMutation();
  const available = catalog.filter((p) => !attached.includes(p.name));
  const detach = (name: string) =>
    run({ url: `${apiBase}/${encodeURIComponent(name)}`, method: "DELETE" }, { success: `${name} revoked.` });

  const grant = (
    <ActionDialog
      trigger="Grant Permission"
      triggerProps={{ disabled: available.length === 0 }}
      title="Grant Permission"
      pendingLabel="Granting…"
      onOpen={() => setSelected("")}
      onSubmit={async ({ run, setError }) => {
        if (!selected) return setError("Select a policy.");
        const body = { policyName: selected };
        return (await run({ url: apiBase, method: "POST", body }, { success: `${selected} granted.` })).ok;
      }}
    >
      <RadioCards
        id="policy"
        legend="Select a system policy"
        value={selected}
        onValueChange={setSelected}
        options={available.map((p) => ({ value: p.name, label: p.name, description: p.description }))}
      />
    </ActionDialog>
  );

  return (
    <TableSection
      title="Permissions"
      action={canEdit ? grant : null}
      error={error}
      rows={attached}
      rowKey={(name) => name}
      empty="No policies attached."
      columns={[
        { header: "Policy", className: "font-medium", cell: (name) => name },
        {
          header: "Description",
          className: "text-gray-600",
          cell: (name) => catalog.find((p) => p.name === name)?.description,
        },
        canEdit &&
          actionsColumn("w-40", (name: string) => (
            <Button variant="link" onClick={() => detach(name)} aria-label={`Revoke ${name}`}>
              Revoke Permission
            </Button>
          )),
      ]}
    />
  );
}
