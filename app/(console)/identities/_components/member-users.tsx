"use client";

import { actionsColumn } from "@/components/console/data-table";
import { PickPrincipalsDialog } from "@/components/console/pick-principals-dialog";
import { TableSection } from "@/components/console/table-section";
import { Button } from "@/components/ui/button";
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
  const { run, error } = useMutation();
  const memberIds = new Set(members.map((m) => m.id));
  const available = choices.filter((c) => !memberIds.has(c.id));
  const remove = (m: UserRef) =>
    run({ url: `${apiBase}/${m.id}`, method: "DELETE" }, { success: `${m.logonName} removed.` });

  return (
    <TableSection
      title={title}
      error={error}
      action={
        canEdit ? (
          <PickPrincipalsDialog
            title={addLabel}
            pendingLabel="Adding…"
            words={{
              filter: "Filter RAM users",
              placeholder: "Filter by logon name or display name",
              legend: "RAM users of this account",
              noMatch: "No RAM user matches.",
              noneTicked: "Select at least one RAM user.",
            }}
            choices={available.map((c) => ({ key: c.id, name: c.logonName, detail: c.displayName }))}
            requests={(ids) =>
              ids.map((userId) => ({ url: apiBase, method: "POST", body: { userId }, tolerate: [409] }))
            }
            success={(n) => (n === 1 ? "1 RAM user added." : `${n} RAM users added.`)}
          />
        ) : null
      }
      rows={members}
      rowKey={(m) => m.id}
      empty={emptyText}
      columns={[
        { header: "User Logon Name", className: "long-text font-medium", cell: (m) => m.logonName },
        { header: "Display Name", className: "long-text text-gray-600", cell: (m) => m.displayName },
        canEdit &&
          actionsColumn("w-32", (m: UserRef) => (
            <Button variant="link" onClick={() => remove(m)} aria-label={`Remove ${m.logonName}`}>
              Remove
            </Button>
          )),
      ]}
    />
  );
}
