"use client";

import { useState } from "react";
import { ActionDialog } from "@/components/console/action-dialog";
import { actionsColumn } from "@/components/console/data-table";
import { TableSection } from "@/components/console/table-section";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { useMutation } from "@/components/ui/use-mutation";
import { scopeColumns } from "../../_components/scope-columns";
import { chosenScopes, ScopePicker, type ScopeChoice, type ScopeOption } from "../scope-picker";

type Scope = ScopeOption & { required: boolean };

const scopeUrl = (clientId: string, scope: string) => `/api/v1/apps/${clientId}/scopes/${encodeURIComponent(scope)}`;

/** The OAuth Scope tab: the declared scopes, with Set as Required / Cancel Required / Delete OAuth Scope. */
export function ScopeTable({
  clientId,
  scopes,
  catalog,
  canEdit,
}: {
  clientId: string;
  scopes: Scope[];
  catalog: ScopeOption[];
  canEdit: boolean;
}) {
  const { run, error } = useMutation();
  const setRequired = (scope: string, required: boolean) =>
    run(
      { url: scopeUrl(clientId, scope), method: "PATCH", body: { required } },
      { success: `Scope ${scope} is now ${required ? "required" : "optional"}.` },
    );

  const actions = (s: Scope) =>
    s.scope === "openid" ? (
      <span className="text-gray-500">Default scope</span>
    ) : (
      <div className="flex gap-4 whitespace-nowrap">
        <Button
          variant="link"
          aria-label={`${s.required ? "Cancel Required" : "Set as Required"}: ${s.scope}`}
          onClick={() => setRequired(s.scope, !s.required)}
        >
          {s.required ? "Cancel Required" : "Set as Required"}
        </Button>
        <ConfirmAction
          trigger="Delete OAuth Scope"
          triggerVariant="link"
          description={`Delete the scope ${s.scope}? New authorizations will not include it.`}
          confirmLabel="Delete"
          request={{ url: scopeUrl(clientId, s.scope), method: "DELETE" }}
          success={`Scope ${s.scope} deleted.`}
        />
      </div>
    );

  return (
    <TableSection
      title="OAuth Scope"
      heading={false}
      description="Changes apply to new authorizations. An account that already installed the application keeps the scope it granted until it authorizes again."
      action={
        canEdit ? (
          <AddScopeButton
            clientId={clientId}
            options={catalog.filter((c) => !scopes.some((s) => s.scope === c.scope))}
          />
        ) : null
      }
      error={error}
      rows={scopes}
      rowKey={(s) => s.scope}
      empty="No scopes."
      columns={[...scopeColumns<Scope>("provider"), canEdit && actionsColumn("w-72", actions)]}
    />
  );
}

function AddScopeButton({ clientId, options }: { clientId: string; options: ScopeOption[] }) {
  const [choice, setChoice] = useState<ScopeChoice>({});
  return (
    <ActionDialog
      trigger="Add OAuth Scope"
      triggerProps={{ className: "shrink-0", disabled: options.length === 0 }}
      title="Add OAuth Scope"
      description="Select the scopes to add from the catalog, and mark the ones every authorization must include as required."
      pendingLabel="Adding…"
      onOpen={() => setChoice({})}
      onSubmit={async ({ run, setError }) => {
        const picked = chosenScopes(options, choice);
        if (picked.length === 0) return setError("Select at least one scope.");
        const requests = picked.map((p) => ({
          url: `/api/v1/apps/${clientId}/scopes`,
          method: "POST",
          body: p,
          label: p.scope,
        }));
        const res = await run(requests, {
          success: picked.length === 1 ? "Scope added." : `${picked.length} scopes added.`,
        });
        return res.ok;
      }}
    >
      <ScopePicker options={options} value={choice} onChange={setChoice} />
    </ActionDialog>
  );
}
