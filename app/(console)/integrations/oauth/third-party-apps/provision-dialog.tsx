"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ActionDialog } from "@/components/console/action-dialog";
import { RadioCards } from "@/components/console/radio-cards";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";

export type CatalogItem = {
  clientId: string;
  name: string;
  description: string;
  logoUrl: string;
  installed: boolean;
  scopes: { scope: string; required: boolean; title: string }[];
};

/** Provision Official Application: pick an official application, tick its optional scope, OK. */
export function ProvisionDialog({ catalog }: { catalog: CatalogItem[] }) {
  const [selected, setSelected] = useState("");
  const [optional, setOptional] = useState<string[]>([]);
  const app = catalog.find((c) => c.clientId === selected);
  const optionalScopes = app?.scopes.filter((s) => !s.required) ?? [];
  const t = useTranslations("thirdPartyApps.provision");
  const format = useFormatter();
  const scopeNote = (c: CatalogItem) =>
    t("scopeNote", {
      scopes: format.list(
        c.scopes.map((s) => (s.required ? t("requiredScope", { title: s.title }) : s.title)),
        { type: "conjunction", style: "narrow" },
      ),
    });

  return (
    <ActionDialog
      trigger={t("trigger")}
      title={t("trigger")}
      description={t("description")}
      pendingLabel={t("pending")}
      okDisabled={!app}
      onOpen={() => setSelected("")}
      onSubmit={async ({ run, setError }) => {
        if (!app) return setError(t("selectOne"));
        const request = {
          url: `/api/v1/official-apps/${app.clientId}/provision`,
          method: "POST",
          body: { optionalScopes: optional },
        };
        return (await run(request, { success: t("success", { name: app.name }) })).ok;
      }}
    >
      <RadioCards
        id="official-app"
        legend={t("legend")}
        value={selected}
        onValueChange={(clientId) => {
          setSelected(clientId);
          setOptional([]);
        }}
        options={catalog.map((c) => ({
          value: c.clientId,
          label: c.name,
          description: c.description,
          disabled: c.installed,
          // eslint-disable-next-line @next/next/no-img-element -- small static logo
          icon: c.logoUrl ? <img src={c.logoUrl} alt="" width={32} height={32} className="h-8 w-8 rounded-sm" /> : null,
          badge: c.installed ? <Badge tone="green">{t("installed")}</Badge> : null,
          note: scopeNote(c),
        }))}
      />
      {app && optionalScopes.length ? (
        <fieldset className="mt-3">
          <legend className="mb-1 font-medium">{t("optionalLegend", { name: app.name })}</legend>
          {optionalScopes.map((s) => (
            <label key={s.scope} className="mb-1 flex items-center gap-2">
              <Checkbox
                aria-label={`${s.title} ${s.scope}`}
                checked={optional.includes(s.scope)}
                onCheckedChange={(on) =>
                  setOptional((o) => (on === true ? [...o, s.scope] : o.filter((x) => x !== s.scope)))
                }
              />
              {s.title} <code className="text-xs text-gray-500">{s.scope}</code>
            </label>
          ))}
        </fieldset>
      ) : null}
    </ActionDialog>
  );
}
