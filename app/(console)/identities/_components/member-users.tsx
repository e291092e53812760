"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { useMutation } from "@/components/ui/use-mutation";

type UserRef = { id: string; logonName: string; displayName: string };

/**
 * RAM users tied to a group (Members) or a role (Trusted Users): a table with Remove per row and,
 * for administrators, a dialog to pick more users of the account. `apiBase` takes POST {userId}
 * and DELETE `${apiBase}/{userId}`.
 */
export function MemberUsers({
  title,
  addLabel,
  emptyText,
  apiBase,
  members,
  choices,
  canEdit,
}: {
  title: string;
  addLabel: string;
  emptyText: string;
  apiBase: string;
  members: UserRef[];
  choices: UserRef[];
  canEdit: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const { run, pending, error, setError } = useMutation();
  const memberIds = new Set(members.map((m) => m.id));
  const needle = filter.trim().toLowerCase();
  const available = choices.filter((c) => !memberIds.has(c.id));
  const shown = available.filter(
    (c) => !needle || c.logonName.toLowerCase().includes(needle) || c.displayName.toLowerCase().includes(needle),
  );
  const titleId = `${title.toLowerCase().replace(/\W+/g, "-")}-title`;

  function openDialog() {
    setError(null);
    setFilter("");
    setSelected([]);
    setOpen(true);
  }

  async function add() {
    if (selected.length === 0) return setError("Select at least one RAM user.");
    const requests = selected.map((userId) => ({ url: apiBase, method: "POST", body: { userId }, tolerate: [409] }));
    const res = await run(requests, {
      success: selected.length === 1 ? "1 RAM user added." : `${selected.length} RAM users added.`,
    });
    if (res.ok) setOpen(false);
  }

  const remove = (m: UserRef) =>
    run({ url: `${apiBase}/${m.id}`, method: "DELETE" }, { success: `${m.logonName} removed.` });

  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));

  return (
    <section aria-labelledby={titleId} className="mb-6">
      <div className="mb-2 flex items-center justify-between">
        <h2 id={titleId} className="font-semibold">
          {title}
        </h2>
        {canEdit ? (
          <Button variant="primary" onClick={openDialog} disabled={available.length === 0}>
            {addLabel}
          </Button>
        ) : null}
      </div>
      {error && !open ? (
        <Alert tone="error" className="mb-2">
          {error}
        </Alert>
      ) : null}
      <Table aria-labelledby={titleId}>
        <thead>
          <tr>
            <Th>User Logon Name</Th>
            <Th>Display Name</Th>
            {canEdit ? <Th className="w-32">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {members.length === 0 ? (
            <EmptyRow colSpan={canEdit ? 3 : 2}>{emptyText}</EmptyRow>
          ) : (
            members.map((m) => (
              <tr key={m.id}>
                <Td className="long-text font-medium">{m.logonName}</Td>
                <Td className="long-text text-gray-600">{m.displayName}</Td>
                {canEdit ? (
                  <Td>
                    <Button variant="link" onClick={() => remove(m)} aria-label={`Remove ${m.logonName}`}>
                      Remove
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
        onOpenChange={(o) => !pending && setOpen(o)}
        title={addLabel}
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
        <Input
          type="search"
          aria-label="Filter RAM users"
          placeholder="Filter by logon name or display name"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="mb-3"
        />
        <fieldset>
          <legend className="mb-2 text-gray-600">
            RAM users of this account{selected.length ? ` · ${selected.length} selected` : ""}
          </legend>
          {shown.length === 0 ? <p className="py-4 text-center text-gray-500">No RAM user matches.</p> : null}
          <ul className="max-h-72 overflow-y-auto">
            {shown.map((c) => (
              <li key={c.id}>
                <label className="mb-1 flex cursor-pointer items-center gap-2 rounded-sm border border-gray-200 px-2 py-1.5 has-[[data-state=checked]]:border-link has-[[data-state=checked]]:bg-blue-50">
                  <Checkbox
                    aria-label={`${c.logonName} ${c.displayName}`}
                    checked={selected.includes(c.id)}
                    onCheckedChange={(on) => toggle(c.id, on === true)}
                  />
                  <span className="font-medium">{c.logonName}</span>
                  <span className="text-gray-500">{c.displayName}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </Dialog>
    </section>
  );
}
