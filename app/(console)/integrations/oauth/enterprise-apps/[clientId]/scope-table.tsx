"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Dialog } from "@/components/ui/dialog";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { useMutation } from "@/components/ui/use-mutation";
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

  return (
    <section aria-label="OAuth Scope">
      <div className="mb-3 flex items-center justify-between gap-4">
        <p className="text-gray-600">
          Changes apply to new authorizations. An account that already installed the application keeps the scope it
          granted until it authorizes again.
        </p>
        {canEdit ? (
          <AddScopeButton
            clientId={clientId}
            options={catalog.filter((c) => !scopes.some((s) => s.scope === c.scope))}
          />
        ) : null}
      </div>
      {error ? (
        <Alert tone="error" className="mb-2">
          {error}
        </Alert>
      ) : null}
      <Table>
        <thead>
          <tr>
            <Th>Scope</Th>
            <Th>Description</Th>
            <Th className="w-28">Type</Th>
            {canEdit ? <Th className="w-72">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {scopes.length === 0 ? <EmptyRow colSpan={canEdit ? 4 : 3}>No scopes.</EmptyRow> : null}
          {scopes.map((s) => (
            <tr key={s.scope}>
              <Td>
                <div className="font-mono font-medium">{s.scope}</div>
                <div className="text-gray-500">{s.title}</div>
              </Td>
              <Td className="text-gray-600">{s.description}</Td>
              <Td>{s.required ? <Badge tone="orange">Required</Badge> : <Badge>Optional</Badge>}</Td>
              {canEdit ? (
                <Td>
                  {s.scope === "openid" ? (
                    <span className="text-gray-400">Default scope</span>
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
                        title="Delete OAuth Scope"
                        description={`Delete the scope ${s.scope}? New authorizations will not include it.`}
                        confirmLabel="Delete"
                        request={{ url: scopeUrl(clientId, s.scope), method: "DELETE" }}
                        success={`Scope ${s.scope} deleted.`}
                      />
                    </div>
                  )}
                </Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

function AddScopeButton({ clientId, options }: { clientId: string; options: ScopeOption[] }) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<ScopeChoice>({});
  const { run, pending, error, setError } = useMutation();

  async function add() {
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
    if (!res.ok) return;
    setOpen(false);
    setChoice({});
  }

  return (
    <>
      <Button
        variant="primary"
        className="shrink-0"
        disabled={options.length === 0}
        onClick={() => {
          setError(null);
          setChoice({});
          setOpen(true);
        }}
      >
        Add OAuth Scope
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => !pending && setOpen(o)}
        title="Add OAuth Scope"
        description="Select the scopes to add from the catalog, and mark the ones every authorization must include as required."
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button variant="primary" onClick={add} disabled={pending}>
              {pending ? "Adding…" : "OK"}
            </Button>
          </>
        }
      >
        {error ? (
          <Alert tone="error" className="mb-3">
            {error}
          </Alert>
        ) : null}
        <ScopePicker options={options} value={choice} onChange={setChoice} />
      </Dialog>
    </>
  );
}
