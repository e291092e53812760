"use client";

import { useTranslations } from "next-intl";
import { actionsColumn, NameCell } from "@/components/console/data-table";
import { LocalTime } from "@/components/console/local-time";
import { PickPrincipalsDialog } from "@/components/console/pick-principals-dialog";
import { TableSection } from "@/components/console/table-section";
import { ConfirmAction } from "@/components/ui/confirm-action";

type Assignee = { principalType: "user" | "group"; principalId: string; name: string; displayName: string };
type Assigned = Assignee & { createdAt: string };

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
  const t = useTranslations("thirdPartyApps.assignments");
  const taken = new Set(assigned.map(key));
  const url = `/api/v1/third-party-apps/${clientId}/assignments`;
  const assignees = (keys: string[]) =>
    keys.map((k) => {
      const [principalType, principalId] = k.split(":");
      return { principalType, principalId };
    });

  return (
    <TableSection
      title={t("title")}
      description={t("description")}
      action={
        canEdit ? (
          <PickPrincipalsDialog
            title={t("create")}
            pendingLabel={t("pending")}
            words={{
              filter: t("search"),
              placeholder: t("search"),
              legend: t("legend"),
              noMatch: t("noMatch"),
              noneTicked: t("noneTicked"),
            }}
            choices={choices
              .filter((c) => !taken.has(key(c)))
              .map((c) => ({
                key: key(c),
                name: c.name,
                detail: c.principalType === "group" ? t("types.group") : c.displayName,
              }))}
            requests={(keys) => ({ url, method: "POST", body: { assignees: assignees(keys) } })}
            success={(count) => t("created", { count })}
          />
        ) : null
      }
      rows={assigned}
      rowKey={key}
      empty={t("empty")}
      columns={[
        {
          header: t("columns.name"),
          className: "long-text",
          cell: (a) => <NameCell name={a.name} detail={a.principalType === "user" ? a.displayName : null} />,
        },
        { header: t("columns.type"), cell: (a) => t(`types.${a.principalType}`) },
        { header: t("columns.assigned"), cell: (a) => <LocalTime value={a.createdAt} /> },
        canEdit &&
          actionsColumn("w-44", (a: Assigned) => (
            <ConfirmAction
              trigger={t("delete")}
              triggerVariant="link"
              description={t("deleteDescription", { name: a.name })}
              request={{ url: `${url}/${a.principalType}/${a.principalId}`, method: "DELETE" }}
              success={t("deleted", { name: a.name })}
            />
          )),
      ]}
    />
  );
}
