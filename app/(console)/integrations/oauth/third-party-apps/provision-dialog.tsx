"use client";

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

  return (
    <ActionDialog
      trigger="Provision Official Application"
      title="Provision Official Application"
      description="Official applications can be provisioned for the whole account. Afterwards, assign the users and groups who may use it; each of them authorizes it on first access."
      pendingLabel="Provisioning…"
      okDisabled={!app}
      onOpen={() => setSelected("")}
      onSubmit={async ({ run, setError }) => {
        if (!app) return setError("Select an official application.");
        const request = {
          url: `/api/v1/official-apps/${app.clientId}/provision`,
          method: "POST",
          body: { optionalScopes: optional },
        };
        return (await run(request, { success: `Application ${app.name} provisioned.` })).ok;
      }}
    >
      <RadioCards
        id="official-app"
        legend="Official application"
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
          badge: c.installed ? <Badge tone="green">Installed</Badge> : null,
          note: `Scope: ${c.scopes.map((s) => `${s.title}${s.required ? " (required)" : ""}`).join(", ")}`,
        }))}
      />
      {app && optionalScopes.length ? (
        <fieldset className="mt-3">
          <legend className="mb-1 font-medium">Optional scope of {app.name}</legend>
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
