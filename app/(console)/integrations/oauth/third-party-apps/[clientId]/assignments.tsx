"use client";

import { useState } from "react";
import { LocalTime } from "@/components/console/local-time";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { useMutation } from "@/components/ui/use-mutation";

type Assignee = { principalType: "user" | "group"; principalId: string; name: string; displayName: string };
type Assigned = Assignee & { createdAt: string };

const typeLabel = { user: "RAM user", group: "User group" } as const;

/** The Assignments tab of an official application: who may use it. Administrators create and delete. */
export function Assignments({
  clientId,
  assigned,
  choices,
  canEdit,
}: {
  clientId: string;
  assigned: Assigned[];
  choices: Assignee[];
  canEdit: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const { run, pending, error, setError } = useMutation();
  const key = (a: Assignee) => `${a.principalType}:${a.principalId}`;
  const taken = new Set(assigned.map(key));
  const q = filter.trim().toLowerCase();
  const visible = choices.filter(
    (c) => !taken.has(key(c)) && (!q || c.name.toLowerCase().includes(q) || c.displayName.toLowerCase().includes(q)),
  );

  async function create() {
    if (picked.length === 0) return setError("Select at least one user or group.");
    const assignees = picked.map((k) => {
      const [principalType, principalId] = k.split(":");
      return { principalType, principalId };
    });
    const res = await run(
      { url: `/api/v1/third-party-apps/${clientId}/assignments`, method: "POST", body: { assignees } },
      { success: assignees.length === 1 ? "1 assignment created." : `${assignees.length} assignments created.` },
    );
    if (!res.ok) return;
    setOpen(false);
    setPicked([]);
  }

  return (
    <section aria-labelledby="assignments-title" className="mb-6">
      <div className="mb-2 flex items-center justify-between">
        <h2 id="assignments-title" className="font-semibold">
          Assignments
        </h2>
        {canEdit ? (
          <Button
            variant="primary"
            onClick={() => {
              setError(null);
              setFilter("");
              setOpen(true);
            }}
          >
            Create Assignment
          </Button>
        ) : null}
      </div>
      <p className="mb-2 text-gray-600">
        Only assigned users, directly or through a user group, may use this official application. Each of them
        authorizes it once on first access.
      </p>
      <Table aria-label="Assignments">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Type</Th>
            <Th>Assigned</Th>
            {canEdit ? <Th className="w-44">Actions</Th> : null}
          </tr>
        </thead>
        <tbody>
          {assigned.length === 0 ? (
            <EmptyRow colSpan={canEdit ? 4 : 3}>Nobody is assigned yet: nobody can use this application.</EmptyRow>
          ) : (
            assigned.map((a) => (
              <tr key={key(a)}>
                <Td className="long-text">
                  <div className="font-medium">{a.name}</div>
                  {a.principalType === "user" ? <div className="text-gray-500">{a.displayName}</div> : null}
                </Td>
                <Td>{typeLabel[a.principalType]}</Td>
                <Td>
                  <LocalTime value={a.createdAt} />
                </Td>
                {canEdit ? (
                  <Td className="whitespace-nowrap">
                    <ConfirmAction
                      trigger="Delete Assignment"
                      triggerVariant="link"
                      title="Delete Assignment"
                      description={`${a.name} will no longer be able to use this application; their tokens for it stop working at once.`}
                      confirmLabel="Delete Assignment"
                      request={{
                        url: `/api/v1/third-party-apps/${clientId}/assignments/${a.principalType}/${a.principalId}`,
                        method: "DELETE",
                      }}
                      success={`Assignment of ${a.name} deleted.`}
                    />
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
        title="Create Assignment"
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button variant="primary" onClick={create} disabled={pending}>
              {pending ? "Assigning…" : "OK"}
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
          aria-label="Search users and groups"
          placeholder="Search users and groups"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="mb-3"
        />
        <fieldset aria-label="Users and groups" className="max-h-72 overflow-y-auto">
          {visible.length === 0 ? (
            <p className="py-4 text-center text-gray-500">No users or groups to assign.</p>
          ) : null}
          {visible.map((c) => (
            <label
              key={key(c)}
              className="flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 hover:bg-gray-50"
            >
              <Checkbox
                aria-label={`${c.name} ${c.principalType === "group" ? "User group" : c.displayName}`}
                checked={picked.includes(key(c))}
                onCheckedChange={(on) =>
                  setPicked((p) => (on === true ? [...p, key(c)] : p.filter((x) => x !== key(c))))
                }
              />
              <span className="font-medium">{c.name}</span>
              <span className="text-gray-500">{c.principalType === "group" ? "User group" : c.displayName}</span>
            </label>
          ))}
        </fieldset>
      </Dialog>
    </section>
  );
}
