"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { useMutation } from "@/components/ui/use-mutation";

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
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [optional, setOptional] = useState<string[]>([]);
  const { run, pending, error, setError } = useMutation();
  const app = catalog.find((c) => c.clientId === selected);

  function choose(clientId: string) {
    setSelected(clientId);
    setOptional([]);
    setError(null);
  }

  async function provision() {
    if (!app) return setError("Select an official application.");
    const res = await run(
      { url: `/api/v1/official-apps/${app.clientId}/provision`, method: "POST", body: { optionalScopes: optional } },
      { success: `Application ${app.name} provisioned.` },
    );
    if (!res.ok) return;
    setOpen(false);
    setSelected(null);
  }

  return (
    <>
      <Button
        variant="primary"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        Provision Official Application
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => !pending && setOpen(o)}
        title="Provision Official Application"
        description="Official applications can be provisioned for the whole account. Afterwards, assign the users and groups who may use it; each of them authorizes it on first access."
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button variant="primary" onClick={provision} disabled={pending || !app}>
              {pending ? "Provisioning…" : "OK"}
            </Button>
          </>
        }
      >
        {error ? (
          <Alert tone="error" className="mb-3">
            {error}
          </Alert>
        ) : null}
        <p id="official-app-legend" className="mb-2 text-gray-600">
          Official application
        </p>
        <RadioGroup
          aria-labelledby="official-app-legend"
          value={selected ?? ""}
          onValueChange={choose}
          className="block"
        >
          {catalog.map((c) => (
            <label
              key={c.clientId}
              className={`mb-2 flex items-start gap-3 rounded-sm border p-3 ${c.installed ? "border-gray-100 bg-gray-50 text-gray-500" : "cursor-pointer border-gray-200 has-[[data-state=checked]]:border-link"}`}
            >
              <RadioGroupItem value={c.clientId} disabled={c.installed} aria-label={c.name} className="mt-1" />
              {/* eslint-disable-next-line @next/next/no-img-element -- small static logo */}
              {c.logoUrl ? <img src={c.logoUrl} alt="" width={32} height={32} className="h-8 w-8 rounded-sm" /> : null}
              <span className="flex-1">
                <span className="block font-medium">
                  {c.name} {c.installed ? <Badge tone="green">Installed</Badge> : null}
                </span>
                <span className="block">{c.description}</span>
                <span className="mt-1 block text-xs text-gray-500">
                  Scope: {c.scopes.map((s) => `${s.title}${s.required ? " (required)" : ""}`).join(", ")}
                </span>
              </span>
            </label>
          ))}
        </RadioGroup>
        {app && app.scopes.some((s) => !s.required) ? (
          <fieldset className="mt-3">
            <legend className="mb-1 font-medium">Optional scope of {app.name}</legend>
            {app.scopes
              .filter((s) => !s.required)
              .map((s) => (
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
      </Dialog>
    </>
  );
}
