"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("oauthScopes");
  const { run, error } = useMutation();
  const setRequired = (scope: string, required: boolean) =>
    run(
      { url: scopeUrl(clientId, scope), method: "PATCH", body: { required } },
      { success: t(required ? "table.nowRequired" : "table.nowOptional", { scope }) },
    );

  const actions = (s: Scope) =>
    s.scope === "openid" ? (
      <span className="text-gray-500">{t("table.defaultScope")}</span>
    ) : (
      <div className="flex gap-4 whitespace-nowrap">
        <Button
          variant="link"
          aria-label={t(s.required ? "table.cancelRequiredLabel" : "table.setRequiredLabel", { scope: s.scope })}
          onClick={() => setRequired(s.scope, !s.required)}
        >
          {t(s.required ? "table.cancelRequired" : "table.setRequired")}
        </Button>
        <ConfirmAction
          trigger={t("table.delete")}
          triggerVariant="link"
          description={t("table.deleteDescription", { scope: s.scope })}
          confirmLabel={t("table.deleteConfirm")}
          request={{ url: scopeUrl(clientId, s.scope), method: "DELETE" }}
          success={t("table.deleted", { scope: s.scope })}
        />
      </div>
    );

  return (
    <TableSection
      title={t("table.title")}
      heading={false}
      description={t("table.description")}
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
      empty={t("table.empty")}
      columns={[
        ...scopeColumns<Scope>("provider", (key) => t(`columns.${key}`)),
        canEdit && actionsColumn("w-72", actions),
      ]}
    />
  );
}

function AddScopeButton({ clientId, options }: { clientId: string; options: ScopeOption[] }) {
  const t = useTranslations("oauthScopes.add");
  const [choice, setChoice] = useState<ScopeChoice>({});
  return (
    <ActionDialog
      trigger={t("trigger")}
      triggerProps={{ className: "shrink-0", disabled: options.length === 0 }}
      title={t("trigger")}
      description={t("description")}
      pendingLabel={t("pending")}
      onOpen={() => setChoice({})}
      onSubmit={async ({ run, setError }) => {
        const picked = chosenScopes(options, choice);
        if (picked.length === 0) return setError(t("selectOne"));
        const requests = picked.map((p) => ({
          url: `/api/v1/apps/${clientId}/scopes`,
          method: "POST",
          body: p,
          label: p.scope,
        }));
        const res = await run(requests, { success: t("added", { count: picked.length }) });
        return res.ok;
      }}
    >
      <ScopePicker options={options} value={choice} onChange={setChoice} />
    </ActionDialog>
  );
}
