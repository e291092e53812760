"use client";

import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";

export type ScopeOption = { scope: string; title: string; description: string };
export type ScopeChoice = Record<string, { selected: boolean; required: boolean }>;

/** Catalog scopes as checkboxes, each with its own "Required" option. `locked` scopes are always selected and required. */
export function ScopePicker({
  options,
  value,
  onChange,
  locked = [],
}: {
  options: ScopeOption[];
  value: ScopeChoice;
  onChange: (next: ScopeChoice) => void;
  locked?: string[];
}) {
  const t = useTranslations("oauthScopes.picker");
  const set = (scope: string, patch: Partial<{ selected: boolean; required: boolean }>) => {
    const current = value[scope] ?? { selected: false, required: false };
    const next = { ...current, ...patch };
    if (!next.selected) next.required = false;
    onChange({ ...value, [scope]: next });
  };
  if (options.length === 0) return <p className="py-4 text-center text-gray-500">{t("allAdded")}</p>;
  return (
    <ul className="divide-y divide-gray-100 rounded-sm border border-gray-200 bg-white">
      {options.map((o) => {
        const isLocked = locked.includes(o.scope);
        const choice = isLocked
          ? { selected: true, required: true }
          : (value[o.scope] ?? { selected: false, required: false });
        const id = `scope-${o.scope.replace(/[^a-z0-9]/gi, "_")}`;
        return (
          <li key={o.scope} className="flex items-start gap-3 px-3 py-2">
            <Checkbox
              id={id}
              className="mt-0.5"
              checked={choice.selected}
              disabled={isLocked}
              aria-label={t("add", { scope: o.scope })}
              aria-describedby={`${id}-description`}
              onCheckedChange={(on) => set(o.scope, { selected: on === true })}
            />
            <label htmlFor={id} className="min-w-0 flex-1 cursor-pointer">
              <span className="font-mono font-medium">{o.scope}</span>
              <span className="ml-2 text-gray-700">{o.title}</span>
              <span id={`${id}-description`} className="block text-xs text-gray-500">
                {o.description}
              </span>
            </label>
            <label
              className={`flex shrink-0 items-center gap-1 text-xs ${choice.selected ? "text-gray-700" : "text-gray-500"}`}
            >
              <Checkbox
                aria-label={t("requiredLabel", { scope: o.scope })}
                checked={choice.required}
                disabled={isLocked || !choice.selected}
                onCheckedChange={(on) => set(o.scope, { required: on === true })}
              />
              {t("required")}
            </label>
          </li>
        );
      })}
    </ul>
  );
}

/** The selected scopes, in catalog order, as the API takes them. */
export function chosenScopes(options: ScopeOption[], value: ScopeChoice): { scope: string; required: boolean }[] {
  return options
    .filter((o) => value[o.scope]?.selected)
    .map((o) => ({ scope: o.scope, required: value[o.scope]!.required }));
}
