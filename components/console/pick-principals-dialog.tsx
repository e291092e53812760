"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import type { MutationRequest } from "@/components/ui/use-mutation";
import { ActionDialog } from "./action-dialog";

/** One user or group that may be picked: `detail` is its display name, or what kind it is. */
export type PrincipalChoice = { key: string; name: string; detail: string };

/**
 * Add Members, Add Trusted User, Create Assignment: a button that opens a filterable list of users (or
 * groups) to tick, then sends `requests(picked keys)`. The ticks survive filtering; nothing is sent
 * until at least one is ticked.
 */
export function PickPrincipalsDialog({
  title,
  pendingLabel,
  words,
  choices,
  requests,
  success,
}: {
  title: string;
  pendingLabel: string;
  words: { filter: string; placeholder: string; legend: string; noMatch: string; noneTicked: string };
  choices: PrincipalChoice[];
  requests: (keys: string[]) => MutationRequest | MutationRequest[];
  success: (count: number) => string;
}) {
  const t = useTranslations("console.pickPrincipals");
  const [filter, setFilter] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const needle = filter.trim().toLowerCase();
  const shown = choices.filter(
    (c) => !needle || c.name.toLowerCase().includes(needle) || c.detail.toLowerCase().includes(needle),
  );
  const toggle = (key: string, on: boolean) => setPicked((p) => (on ? [...p, key] : p.filter((k) => k !== key)));

  return (
    <ActionDialog
      trigger={title}
      triggerProps={{ disabled: choices.length === 0 }}
      title={title}
      pendingLabel={pendingLabel}
      onOpen={() => {
        setFilter("");
        setPicked([]);
      }}
      onSubmit={async ({ run, setError }) => {
        if (picked.length === 0) return setError(words.noneTicked);
        return (await run(requests(picked), { success: success(picked.length) })).ok;
      }}
    >
      <Input
        type="search"
        aria-label={words.filter}
        placeholder={words.placeholder}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        className="mb-3"
      />
      <fieldset>
        <legend className="mb-2 text-gray-600">
          {picked.length ? t("legend", { legend: words.legend, count: picked.length }) : words.legend}
        </legend>
        {shown.length === 0 ? <p className="py-4 text-center text-gray-500">{words.noMatch}</p> : null}
        <ul className="max-h-72 overflow-y-auto">
          {shown.map((c) => (
            <li key={c.key}>
              <label className="mb-1 flex cursor-pointer items-center gap-2 rounded-sm border border-gray-200 px-2 py-1.5 has-[[data-state=checked]]:border-link has-[[data-state=checked]]:bg-blue-50">
                <Checkbox
                  aria-label={`${c.name} ${c.detail}`}
                  checked={picked.includes(c.key)}
                  onCheckedChange={(on) => toggle(c.key, on === true)}
                />
                <span className="font-medium">{c.name}</span>
                <span className="text-gray-500">{c.detail}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </ActionDialog>
  );
}
