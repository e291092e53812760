"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("identities.members");
  const { run, error } = useMutation();
  const memberIds = new Set(members.map((m) => m.id));
  const available = choices.filter((c) => !memberIds.has(c.id));
  const remove = (m: UserRef) =>
    run({ url: `${apiBase}/${m.id}`, method: "DELETE" }, { success: t("removed", { name: m.logonName }) });

  return (
    <TableSection
      title={title}
      error={error}
      action={
        canEdit ? (
          <PickPrincipalsDialog
            title={addLabel}
            pendingLabel={t("adding")}
            words={{
              filter: t("filter"),
              placeholder: t("placeholder"),
              legend: t("legend"),
              noMatch: t("noMatch"),
              noneTicked: t("noneTicked"),
            }}
            choices={available.map((c) => ({ key: c.id, name: c.logonName, detail: c.displayName }))}
            requests={(ids) =>
              ids.map((userId) => ({ url: apiBase, method: "POST", body: { userId }, tolerate: [409] }))
            }
            success={(count) => t("added", { count })}
          />
        ) : null
      }
      rows={members}
      rowKey={(m) => m.id}
      empty={emptyText}
      columns={[
        { header: t("logonName"), className: "long-text font-medium", cell: (m) => m.logonName },
        { header: t("displayName"), className: "long-text text-gray-600", cell: (m) => m.displayName },
        canEdit &&
          actionsColumn("w-32", (m: UserRef) => (
            <Button variant="link" onClick={() => remove(m)} aria-label={t("removeLabel", { name: m.logonName })}>
              {t("remove")}
            </Button>
          )),
      ]}
    />
  );
}
