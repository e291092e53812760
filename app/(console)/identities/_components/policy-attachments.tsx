"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
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
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string>("");
  const { run, pending, error, setError } = useMutation();
  const available = catalog.filter((p) => !attached.includes(p.name));

  async function attach() {
    if (!selected) return setError("Select a policy.");
    const res = await run(
      { url: apiBase, method: "POST", body: { policyName: selected } },
      { success: `${selected} granted.` },
    );
    if (!res.ok) return;
    setOpen(false);
    setSelected("");
  }

  const detach = (name: string) =>
    run({ url: `${apiBase}/${encodeURIComponent(name)}`, method: "DELETE" }, { success: `${name} revoked.` });

  return (
    <section aria-labelledby="permissions-title" className="mb-6">
      <div className="mb-2 flex items-center justify-between">
        <h2 id="permissions-title" className="font-semibold">
          Permissions
        </h2>
        {canEdit ? (
          <Button
            variant="primary"
            onClick={() => {
              setError(null);
              setOpen(true);
            }}
            disabled={available.length === 0}
          >
            Grant Permission
          </Button>
        ) : null}
      </div>
      {error && !open ? (
        <Alert tone="error" className="mb-2">
          {error}
        </Alert>
      ) : null}
      <Table>
        <thead>
          <tr>
            <Th>Policy</Th>
            <Th>Description</Th>
            {canEdit ? <Th className="w-40">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {attached.length === 0 ? (
            <EmptyRow colSpan={canEdit ? 3 : 2}>No policies attached.</EmptyRow>
          ) : (
            attached.map((name) => (
              <tr key={name}>
                <Td className="font-medium">{name}</Td>
                <Td className="text-gray-600">{catalog.find((p) => p.name === name)?.description}</Td>
                {canEdit ? (
                  <Td className="whitespace-nowrap">
                    <Button variant="link" onClick={() => detach(name)} aria-label={`Revoke ${name}`}>
                      Revoke Permission
                    </Button>
                  </Td>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Grant Permission"
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="primary" onClick={attach} disabled={pending}>
              OK
            </Button>
          </>
        }
      >
        {error ? (
          <Alert tone="error" className="mb-3">
            {error}
          </Alert>
        ) : null}
        <p id="policy-legend" className="mb-2 text-gray-600">
          Select a system policy
        </p>
        <RadioGroup aria-labelledby="policy-legend" value={selected} onValueChange={setSelected} className="block">
          {available.map((p) => (
            <label
              key={p.name}
              className="mb-2 flex cursor-pointer items-start gap-2 rounded-sm border border-gray-200 p-2 has-[[data-state=checked]]:border-link"
            >
              <RadioGroupItem
                value={p.name}
                aria-label={p.name}
                aria-describedby={`policy-${p.name}`}
                className="mt-0.5"
              />
              <span>
                <span className="block font-medium">{p.name}</span>
                <span id={`policy-${p.name}`} className="text-gray-600">
                  {p.description}
                </span>
              </span>
            </label>
          ))}
        </RadioGroup>
      </Dialog>
    </section>
  );
}
