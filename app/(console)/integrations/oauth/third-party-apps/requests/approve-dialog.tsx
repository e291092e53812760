"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionDialog } from "@/components/console/action-dialog";
import { Checkbox } from "@/components/ui/checkbox";
import { Switch } from "@/components/ui/switch";

export type OfferedScope = { scope: string; title: string };

/**
 * Approve: the consent screen's choices for the whole account (required scope checked and locked,
 * each optional item asked for a switch, off until chosen), then installs the application. The
 * server checks the choice again (lib/apps/approve-request.ts).
 */
export function ApproveDialog({
  requestId,
  name,
  official,
  required,
  optional,
}: {
  requestId: string;
  name: string;
  official: boolean;
  required: OfferedScope[];
  optional: OfferedScope[];
}) {
  const t = useTranslations("approvals.approve");
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <ActionDialog
      trigger={t("trigger")}
      triggerProps={{ variant: "link", "aria-label": t("label", { app: name }) }}
      title={t("title", { app: name })}
      description={t("description", { app: name })}
      pendingLabel={t("pending")}
      onOpen={() => setChosen([])}
      onSubmit={async ({ run }) => {
        const request = {
          url: `/api/v1/approval-requests/${requestId}/approve`,
          method: "POST",
          body: { scopes: chosen },
        };
        return (await run(request, { success: t("success", { app: name }) })).ok;
      }}
    >
      {official ? <p className="mb-3 text-gray-600">{t("officialNote", { app: name })}</p> : null}
      <ScopeGroup legend={t("required")} note={t("requiredNote")}>
        {required.map((s) => (
          <label key={s.scope} className="flex items-center gap-2 py-1">
            <Checkbox checked disabled />
            <ScopeName scope={s} />
          </label>
        ))}
      </ScopeGroup>
      {optional.length ? (
        <ScopeGroup legend={t("optional")} note={t("optionalNote")}>
          {optional.map((s) => (
            <label key={s.scope} className="flex items-center gap-2 py-1">
              <Switch
                checked={chosen.includes(s.scope)}
                onCheckedChange={(on) => setChosen((c) => (on ? [...c, s.scope] : c.filter((x) => x !== s.scope)))}
              />
              <ScopeName scope={s} />
            </label>
          ))}
        </ScopeGroup>
      ) : null}
    </ActionDialog>
  );
}

function ScopeGroup({ legend, note, children }: { legend: string; note: string; children: React.ReactNode }) {
  return (
    <fieldset className="mb-3">
      <legend className="font-medium">{legend}</legend>
      <p className="mb-1 text-xs text-gray-600">{note}</p>
      {children}
    </fieldset>
  );
}

function ScopeName({ scope }: { scope: OfferedScope }) {
  return (
    <span>
      {scope.title} <code className="text-xs text-gray-500">{scope.scope}</code>
    </span>
  );
}
