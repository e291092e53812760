"use client";

import { actionsColumn, NameCell } from "@/components/console/data-table";
import { LocalTime } from "@/components/console/local-time";
import { PickPrincipalsDialog } from "@/components/console/pick-principals-dialog";
import { TableSection } from "@/components/console/table-section";
import { ConfirmAction } from "@/components/ui/confirm-action";

type Assignee = { principalType: "user" | "group"; principalId: string; name: string; displayName: string };
type Assigned = Assignee & { createdAt: string };

const typeLabel = { user: "RAM user", group: "User group" } as const;
const key = (a: Assignee) => `${a.principalType}:${a.principalId}`;

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
  const taken = new Set(assigned.map(key));
  const url = `/api/v1/third-party-apps/${clientId}/assignments`;
  const assignees = (keys: string[]) =>
    keys.map((k) => {
      const [principalType, principalId] = k.split(":");
      return { principalType, principalId };
    });

  return (
    <TableSection
      title="Assignments"
      description="Only assigned users, directly or through a user group, may use this official application. Each of them authorizes it once on first access."
      action={
        canEdit ? (
          <PickPrincipalsDialog
            title="Create Assignment"
            pendingLabel="Assigning…"
            words={{
              filter: "Search users and groups",
              placeholder: "Search users and groups",
              legend: "Users and groups",
              noMatch: "No users or groups to assign.",
              noneTicked: "Select at least one user or group.",
            }}
            choices={choices
              .filter((c) => !taken.has(key(c)))
              .map((c) => ({
                key: key(c),
                name: c.name,
                detail: c.principalType === "group" ? "User group" : c.displayName,
              }))}
            requests={(keys) => ({ url, method: "POST", body: { assignees: assignees(keys) } })}
            success={(n) => (n === 1 ? "1 assignment created." : `${n} assignments created.`)}
          />
        ) : null
      }
      rows={assigned}
      rowKey={key}
      empty="Nobody is assigned yet: nobody can use this application."
      columns={[
        {
          header: "Name",
          className: "long-text",
          cell: (a) => <NameCell name={a.name} detail={a.principalType === "user" ? a.displayName : null} />,
        },
        { header: "Type", cell: (a) => typeLabel[a.principalType] },
        { header: "Assigned", cell: (a) => <LocalTime value={a.createdAt} /> },
        canEdit &&
          actionsColumn("w-44", (a: Assigned) => (
            <ConfirmAction
              trigger="Delete Assignment"
              triggerVariant="link"
              description={`${a.name} will no longer be able to use this application; their tokens for it stop working at once.`}
              request={{ url: `${url}/${a.principalType}/${a.principalId}`, method: "DELETE" }}
              success={`Assignment of ${a.name} deleted.`}
            />
          )),
      ]}
    />
  );
}
